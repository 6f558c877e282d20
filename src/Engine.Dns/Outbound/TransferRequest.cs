using System.Net;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>A transfer request as the responder read it, and what it decided to answer.</summary>
internal sealed class TransferRequest
{
    /// <summary>A copy of the request's octets (the listener reuses its buffer).</summary>
    public required byte[] Bytes { get; init; }

    /// <summary>Header, question and EDNS of the request; its question is echoed when <see cref="QuestionReadable"/>.</summary>
    public required IncomingQuery Query { get; init; }

    /// <summary>False when the request was too malformed to echo its question (FORMERR without one).</summary>
    public bool QuestionReadable { get; init; } = true;

    /// <summary>The client.</summary>
    public required IPEndPoint Remote { get; init; }

    /// <summary>How the request came.</summary>
    public required DnsTransport Transport { get; init; }

    /// <summary>The TSIG check of a signed request; null when it was unsigned (or unreadable).</summary>
    public TsigVerification? Tsig { get; set; }

    /// <summary>The zone asked for (the QNAME), once read.</summary>
    public DnsName? Zone { get; set; }

    /// <summary>The zone's snapshot served now, once found.</summary>
    public ZoneSnapshot? Snapshot { get; set; }

    /// <summary>For IXFR: the serial of the SOA the client sent in the authority section (RFC 1995 §3).</summary>
    public uint? ClientSerial { get; set; }

    /// <summary>For <see cref="TransferResponseKind.Ixfr"/>: the journal's diffs from the client's serial to the zone's.</summary>
    public IReadOnlyList<ZoneData.ZoneDiff>? Diffs { get; set; }

    /// <summary>What the responder answers.</summary>
    public TransferResponseKind Kind { get; set; }

    /// <summary>The RCODE of an error answer.</summary>
    public DnsRcode Rcode { get; set; }

    /// <summary>Why the request was not served, for the log.</summary>
    public string? Reason { get; set; }

    /// <summary>The verified key's name, when the request was signed and verified.</summary>
    public DnsName? KeyName => Tsig is { IsOk: true } tsig ? tsig.Key!.Name : null;

    /// <summary>The request type: AXFR or IXFR.</summary>
    public RecordType Type => Query.Type;

    /// <summary>Marks the request as answered by an error RCODE, for <paramref name="reason"/>.</summary>
    public TransferRequest Fail(DnsRcode rcode, string reason)
    {
        Kind = TransferResponseKind.Error;
        Rcode = rcode;
        Reason = reason;
        return this;
    }
}
