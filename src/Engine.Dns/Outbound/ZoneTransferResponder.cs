using System.Net;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// The primary's side of zone transfers: answers AXFR (RFC 5936) and IXFR (RFC 1995) for the zones of a
/// <see cref="ZoneTable"/>, to the clients an <see cref="IZoneTransferPolicy"/> allows, from the snapshot
/// served and an <see cref="IZoneJournal"/> of its changes. Over TCP it is the server's
/// <see cref="IDnsStreamHandler"/>: the answer is produced message by message as the client reads it.
/// Over UDP (through a <see cref="DnsRequestRouter"/>) it answers as BIND 9 does: AXFR gets FORMERR (RFC
/// 5936 §4.2 defines AXFR over TCP only) and IXFR gets the current SOA alone whatever the client's serial
/// (RFC 1995 §2: a client that is behind then asks again over TCP).
/// </summary>
/// <remarks>
/// Checks, in BIND's order: a malformed request gets FORMERR; a TSIG that does not verify gets NOTAUTH
/// with BADKEY, BADSIG or BADTIME (RFC 8945 §5.2); a zone we do not serve gets NOTAUTH (RFC 5936 §2.2.1),
/// one that is loading SERVFAIL; an IXFR without the client's SOA FORMERR (RFC 1995 §3); a client the
/// policy does not allow REFUSED. Every answer to a signed request is signed, every message of a stream.
/// </remarks>
public sealed class ZoneTransferResponder : IDnsStreamHandler, IDnsRequestHandler
{
    private readonly ZoneTable _zones;
    private readonly IZoneTransferPolicy _policy;
    private readonly IZoneJournal _journal;
    private readonly ITsigKeyLookup _keys;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ZoneTransferResponderOptions _options;
    private readonly TsigVerifier _verifier;
    private readonly TsigSigner _signer;

    /// <summary>A responder for the zones of <paramref name="zones"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ZoneTransferResponder(ZoneTable zones, IZoneTransferPolicy policy, IZoneJournal journal, ITsigKeyLookup keys, TimeProvider timeProvider,
        ILogger<ZoneTransferResponder> logger, ZoneTransferResponderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _zones = zones;
        _policy = policy;
        _journal = journal;
        _keys = keys;
        _time = timeProvider;
        _logger = logger;
        _options = options ?? new ZoneTransferResponderOptions();
        _options.Validate();
        _verifier = new TsigVerifier(timeProvider);
        _signer = new TsigSigner(timeProvider);
    }

    /// <summary>Answers an AXFR or IXFR request over TCP with a stream of messages; null for any other request.</summary>
    public IDnsResponseStream? BeginStream(ReadOnlySpan<byte> request, in DnsRequestContext context)
    {
        if (!ZoneTransferFilter.IsZoneTransfer(request))
            return null;
        var decided = Decide(request, context.RemoteEndPoint, DnsTransport.Tcp);
        return decided is null ? null : Open(decided, ushort.MaxValue);
    }

    /// <summary>
    /// Answers a transfer request in one message: over UDP as the class summary says; over TCP (a server
    /// without this stream handler) when the whole answer fits in one message, else SERVFAIL.
    /// </summary>
    public int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
    {
        var decided = Decide(request, context.RemoteEndPoint, context.Transport);
        if (decided is null)
            return 0;
        int maxSize = context.Transport == DnsTransport.Udp ? UdpLimit(decided.Query) : ushort.MaxValue;
        using var stream = Open(decided, maxSize);
        int length = stream.WriteNext(response);
        if (stream is not TransferResponseStream { IsComplete: false })
            return length;
        decided.Fail(DnsRcode.ServFail, "the answer takes more than one message and this server streams none");
        ZoneTransferLog.Rejected(_logger, decided.Type, decided.Zone, decided.Remote, decided.KeyName, decided.Rcode, decided.Reason);
        return TransferErrorResponse.Write(decided, response, maxSize, _signer);
    }

    /// <summary>Reads and checks the request and decides the answer; null when the request gets no answer at all.</summary>
    private TransferRequest? Decide(ReadOnlySpan<byte> bytes, IPEndPoint remote, DnsTransport transport)
    {
        var status = IncomingQuery.TryRead(bytes, out var query);
        if (status == QueryParseStatus.Ignore)
            return null;
        var request = new TransferRequest
        {
            Bytes = bytes.ToArray(),
            Query = query,
            QuestionReadable = query.QuestionEnd > 0,
            Remote = remote,
            Transport = transport,
        };
        if (status == QueryParseStatus.FormatError || !DnsMessage.TryParse(bytes, out var message, out _))
            return request.Fail(DnsRcode.FormErr, "the request is malformed");
        request.Zone = DnsName.FromWire(query.Name(bytes));
        if (message.Tsig is not null)
        {
            request.Tsig = _verifier.VerifyRequest(bytes, message, _keys.Keyring);
            if (!request.Tsig.IsOk)
                return request.Fail(request.Tsig.ResponseRcode, request.Tsig.Reason ?? request.Tsig.Status.ToString());
        }
        if (FindZone(request) is { } failed)
            return failed;
        return Choose(request, message);
    }

    /// <summary>Finds the served snapshot of the zone asked for; the failed request when there is none.</summary>
    private TransferRequest? FindZone(TransferRequest request)
    {
        if (request.Query.Class != DnsClass.IN)
            return request.Fail(DnsRcode.NotAuth, $"class {DnsClassNames.ToText(request.Query.Class)} is not served");
        var name = request.Zone!.Wire;
        Span<byte> lower = stackalloc byte[name.Length];
        Span<byte> offsets = stackalloc byte[NameLabels.MaxLabels];
        NameLabels.ToLower(name, lower);
        int labels = NameLabels.Offsets(lower, offsets);
        var entry = _zones.Find(lower, offsets, labels);
        if (entry is null || !entry.Origin.Equals(request.Zone))
            return request.Fail(DnsRcode.NotAuth, "we are not authoritative for this zone (RFC 5936 §2.2.1)");
        if (entry.Snapshot is null)
            return request.Fail(DnsRcode.ServFail, "the zone is not loaded, or expired");
        request.Snapshot = entry.Snapshot;
        return null;
    }

    /// <summary>The last checks, then what to send: the whole zone, the diffs, or the SOA alone.</summary>
    private TransferRequest Choose(TransferRequest request, DnsMessage message)
    {
        var zone = request.Snapshot!;
        if (request.Type == RecordType.IXFR)
        {
            // RFC 1995 §3: the authority section holds the client's SOA for the zone.
            if (message.Authorities.FirstOrDefault(r => r.Data is SoaData && r.Name.Equals(zone.Origin))?.Data is not SoaData soa)
                return request.Fail(DnsRcode.FormErr, "the IXFR request has no SOA record of the zone in its authority section (RFC 1995 §3)");
            request.ClientSerial = soa.Serial;
        }
        else if (request.Transport == DnsTransport.Udp)
        {
            return request.Fail(DnsRcode.FormErr, "AXFR over UDP is not defined (RFC 5936 §4.2)");
        }
        if (!_policy.IsTransferAllowed(zone.Origin, request.Remote.Address, request.KeyName))
            return request.Fail(DnsRcode.Refused, "the zone's transfer access list does not allow this client");
        if (request.ClientSerial is not { } client)
            request.Kind = TransferResponseKind.Axfr;
        else if (request.Transport == DnsTransport.Udp || !new SerialNumber(zone.Serial).IsNewerThan(new SerialNumber(client)))
            request.Kind = TransferResponseKind.SingleSoa; // RFC 1995 §2: current (or newer) clients, and every UDP request
        else if (Diffs(zone, client) is { } diffs)
            (request.Kind, request.Diffs) = (TransferResponseKind.Ixfr, diffs);
        else
            request.Kind = TransferResponseKind.IxfrAxfrStyle;
        return request;
    }

    /// <summary>The stream answering a decided request, messages at most <paramref name="maxSize"/> octets.</summary>
    private IDnsResponseStream Open(TransferRequest request, int maxSize)
    {
        if (request.Kind == TransferResponseKind.Error)
        {
            ZoneTransferLog.Rejected(_logger, request.Type, request.Zone, request.Remote, request.KeyName, request.Rcode, request.Reason);
            // A header, the question, an OPT and a TSIG: well under 2 KiB.
            var buffer = new byte[2048];
            int length = TransferErrorResponse.Write(request, buffer, maxSize, _signer);
            return new SingleMessageStream(buffer[..length]);
        }
        var zone = request.Snapshot!;
        TransferRecordSource source = request.Kind switch
        {
            TransferResponseKind.SingleSoa => new RecordListSource([zone.Soa]),
            TransferResponseKind.Ixfr => new RecordListSource(RecordListSource.Incremental(zone.Soa, request.Diffs!)),
            _ => new SnapshotRecordSource(zone),
        };
        var signer = request.Tsig is { IsOk: true } verified ? _signer.CreateStreamSigner(verified) : null;
        return new TransferResponseStream(request, source, signer, _options.MessageSize, maxSize, _time, _logger);
    }

    /// <summary>The journal's diffs from the client's serial to the zone's, when it has them and they are worth sending.</summary>
    private IReadOnlyList<ZoneDiff>? Diffs(ZoneSnapshot zone, uint clientSerial)
    {
        if (!_journal.TryGetDiffs(zone.Origin, clientSerial, zone.Serial, out var diffs))
            return null;
        if (_options.FullZoneWhenSmaller && diffs.Sum(d => (long)d.Deleted.Count + d.Added.Count + 2) > zone.RecordCount)
            return null;
        return diffs;
    }

    /// <summary>The client's EDNS payload size, or 512 without EDNS (RFC 6891 §6.2.3).</summary>
    private static int UdpLimit(in IncomingQuery query) => query.HasEdns ? Math.Max((int)query.UdpPayloadSize, Edns.MinimumUdpPayloadSize) : Edns.MinimumUdpPayloadSize;
}
