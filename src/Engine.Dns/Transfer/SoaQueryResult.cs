using System.Net.Sockets;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>The result of <see cref="ZoneTransferClient.QuerySoaAsync"/>.</summary>
public sealed record SoaQueryResult
{
    /// <summary>What the query found.</summary>
    public required SoaQueryOutcome Outcome { get; init; }

    /// <summary>The zone asked about.</summary>
    public required DnsName Zone { get; init; }

    /// <summary>The primary asked.</summary>
    public required PrimaryServer Primary { get; init; }

    /// <summary>The zone's SOA as the primary serves it; set when <see cref="Outcome"/> is <see cref="SoaQueryOutcome.Ok"/>.</summary>
    public SoaData? Soa { get; init; }

    /// <summary>The RCODE of the answer that decided the outcome, or null when none was accepted.</summary>
    public DnsRcode? Rcode { get; init; }

    /// <summary>The transport of the last exchange (TCP after a truncated UDP answer or a UDP timeout).</summary>
    public DnsTransport Transport { get; init; }

    /// <summary>Wall time of the query, retries included.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>What went wrong, in plain words for logs and the zone's status page; null on success.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// The TSIG error the primary put in the TSIG record of its answer when it rejected our signature (BADSIG,
    /// BADKEY, BADTIME, BADTRUNC; sent with RCODE NOTAUTH, RFC 8945 §5.3.2 and §5.4); null otherwise, also when
    /// <see cref="Outcome"/> is <see cref="SoaQueryOutcome.BadTsig"/> because the answer did not verify here.
    /// </summary>
    public DnsRcode? TsigError { get; init; }

    /// <summary>
    /// The socket error that ended the query when <see cref="Outcome"/> is <see cref="SoaQueryOutcome.NetworkError"/>:
    /// <see cref="System.Net.Sockets.SocketError.ConnectionRefused"/> when nothing listens on the port (ICMP port
    /// unreachable over UDP, a reset over TCP); null otherwise.
    /// </summary>
    public SocketError? SocketError { get; init; }

    /// <summary>True when the SOA was obtained.</summary>
    public bool IsOk => Outcome == SoaQueryOutcome.Ok;
}
