using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// Answers queries from the zones of a <see cref="ZoneTable"/>, writing straight from the snapshots into
/// the listener's buffer; an ordinary answer allocates nothing. Requests it does not serve are answered
/// as BIND 9 answers them unless noted: responses and runts get silence, malformed requests FORMERR
/// (RFC 1035 §4.1.1), other opcodes NOTIMP (UPDATE included; in the server, <see cref="Server.DnsRequestRouter"/>
/// sends NOTIFY to the transfer engine before it gets here), EDNS versions above 0 BADVERS (RFC 6891 §6.1.3), classes other than IN and ANY REFUSED,
/// meta types FORMERR (RFC 6895 §3.1), MAILA and MAILB NOTIMP, names outside every zone REFUSED, and a
/// known zone that is expired or not loaded SERVFAIL.
/// </summary>
public sealed class AuthoritativeRequestHandler : IDnsRequestHandler
{
    private readonly ZoneTable _zones;
    private readonly ResponderOptions _options;
    private readonly QueryCounters _counters;
    private readonly ushort _maxUdpPayload;
    private readonly bool _countQueries;

    /// <summary>Creates a handler serving <paramref name="zones"/> and counting into <paramref name="counters"/>.</summary>
    public AuthoritativeRequestHandler(ZoneTable zones, ResponderOptions options, QueryCounters counters)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(counters);
        _zones = zones;
        _options = options;
        _counters = counters;
        _maxUdpPayload = (ushort)Math.Clamp(options.MaxUdpPayloadSize, Edns.MinimumUdpPayloadSize, ushort.MaxValue);
        _countQueries = options.CountQueries;
    }

    /// <inheritdoc/>
    public int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
    {
        var status = IncomingQuery.TryRead(request, out var query);
        if (status == QueryParseStatus.Ignore)
            return 0;
        var transport = context.Transport;
        int limit = Math.Min(response.Length, transport == DnsTransport.Tcp ? ushort.MaxValue : UdpLimit(query));
        var writer = new DnsResponseWriter(response, limit);
        if (status == QueryParseStatus.FormatError)
        {
            // The question is echoed when it was readable, as BIND 9 does; never an OPT (RFC 6891 §7).
            if (query.QuestionEnd > 0)
                writer.Begin(query, request, DnsHeaderFlags.None, edns: false);
            else
                writer.BeginWithoutQuestion(query.Header, edns: false, DnsHeaderFlags.None);
            return Finish(ref writer, request, query with { HasEdns = false, DnssecOk = false }, context, null, default, DnsRcode.FormErr);
        }
        if (query.Header.Opcode != DnsOpcode.Query)
        {
            writer.BeginWithoutQuestion(query.Header, query.HasEdns, DnsHeaderFlags.None);
            return Finish(ref writer, request, query, context, null, default, DnsRcode.NotImp);
        }
        var refusal = Screen(query, transport);
        if (refusal is { } rcode)
        {
            writer.Begin(query, request, DnsHeaderFlags.None);
            return Finish(ref writer, request, query, context, null, default, rcode);
        }
        return Answer(ref writer, request, query, context);
    }

    /// <summary>The RCODE for a query we do not look up, or null to look it up.</summary>
    private static DnsRcode? Screen(in IncomingQuery query, DnsTransport transport)
    {
        if (query.HasEdns && query.EdnsVersion > 0)
            return DnsRcode.BadVers;
        if (query.Class is not (DnsClass.IN or DnsClass.ANY))
            return DnsRcode.Refused;
        return query.Type switch
        {
            // Zone transfers are the ZoneTransferResponder's (the router sends them there); a handler used alone
            // says it does not do them.
            RecordType.AXFR or RecordType.IXFR => DnsRcode.NotImp,
            RecordType.MAILA or RecordType.MAILB => DnsRcode.NotImp,
            // RFC 6895 §3.1: OPT, TSIG, TKEY and the other meta types (128-255) are not asked for in a question.
            RecordType.ANY => null,
            RecordType.OPT => DnsRcode.FormErr,
            >= (RecordType)128 and <= (RecordType)255 => DnsRcode.FormErr,
            _ => null,
        };
    }

    private int Answer(ref DnsResponseWriter writer, ReadOnlySpan<byte> request, in IncomingQuery query, in DnsRequestContext context)
    {
        var transport = context.Transport;
        var qname = query.Name(request);
        Span<byte> lower = stackalloc byte[qname.Length];
        Span<byte> offsets = stackalloc byte[NameLabels.MaxLabels];
        NameLabels.ToLower(qname, lower);
        int labels = NameLabels.Offsets(lower, offsets);
        var entry = _zones.Find(lower, offsets, labels);
        if (entry is null)
        {
            writer.Begin(query, request, DnsHeaderFlags.None);
            return Finish(ref writer, request, query, context, null, default, DnsRcode.Refused);
        }
        // RFC 4035 §3.1.4.1: DS lives in the parent zone; when we serve the parent too, it answers.
        if (query.Type == RecordType.DS && labels > 0 && labels == entry.Origin.LabelCount
            && _zones.Find(lower, offsets, labels, firstSuffix: 1) is { Snapshot: not null } parent)
            entry = parent;
        var zone = entry.Snapshot;
        if (zone is null)
        {
            writer.Begin(query, request, DnsHeaderFlags.None);
            return Finish(ref writer, request, query, context, entry, lower, DnsRcode.ServFail);
        }
        var builder = ResponseBuilder.ForCurrentThread();
        builder.Begin(zone, qname, query.Type, query.DnssecOk);
        var rcode = QueryResolver.Resolve(builder, _zones, entry, transport == DnsTransport.Tcp, _options.AnyPolicy, out bool authoritative);
        // An answer to QCLASS ANY cannot be known complete, so it is not marked authoritative (RFC 6895 §3.2).
        authoritative &= query.Class == DnsClass.IN;
        writer.Begin(query, request, authoritative ? DnsHeaderFlags.AA : DnsHeaderFlags.None);
        bool truncated = builder.Render(ref writer);
        builder.Clear();
        return Finish(ref writer, request, query, context, entry, lower, rcode, truncated);
    }

    /// <summary>
    /// Counts the query and finishes the response. <paramref name="lowercaseName"/> is the query name sketched among
    /// the zone's top names (empty when there is no zone of ours).
    /// </summary>
    private int Finish(ref DnsResponseWriter writer, ReadOnlySpan<byte> request, in IncomingQuery query, in DnsRequestContext context,
        ZoneEntry? zone, scoped ReadOnlySpan<byte> lowercaseName, DnsRcode rcode, bool truncated = false)
    {
        if (_countQueries)
        {
            var clientSubnet = query.ClientSubnetOffset >= 0 ? request.Slice(query.ClientSubnetOffset, query.ClientSubnetLength) : default;
            int region = _counters.ClientRegions.Slot(context.Remote, clientSubnet, out var ipVersion);
            if (zone is null)
                _counters.CountOutsideZones(query.Type, rcode, context.Transport, ipVersion, region);
            else
                _counters.Count(ref zone.Counters, zone.Origin, lowercaseName, query.Type, rcode, context.Transport, ipVersion, region);
        }
        return writer.Finish(rcode, truncated, _maxUdpPayload, query.DnssecOk);
    }

    /// <summary>The client's EDNS payload size capped by ours, or 512 without EDNS (RFC 6891 §6.2.3, §6.2.5).</summary>
    private int UdpLimit(in IncomingQuery query) =>
        query.HasEdns ? Math.Clamp((int)query.UdpPayloadSize, Edns.MinimumUdpPayloadSize, _maxUdpPayload) : Edns.MinimumUdpPayloadSize;
}
