using System.Collections.Concurrent;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// Counts answered queries by zone, query type, response code and transport, for the analytics
/// aggregator. Counting is an interlocked increment in a per-core stripe of a zone's counters (no lock;
/// a stripe is allocated the first time a core counts for the zone, about 4 KiB, so rarely queried zones
/// stay small on many-core machines); <see cref="Snapshot"/> sums the stripes.
/// Counts are cumulative since start: the aggregator takes differences between snapshots.
/// </summary>
public sealed class QueryCounters
{
    /// <summary>The query types counted one by one; every other type is counted as "other" (null).</summary>
    public static IReadOnlyList<RecordType> TrackedTypes { get; } =
    [
        RecordType.A, RecordType.NS, RecordType.CNAME, RecordType.SOA, RecordType.PTR, RecordType.MX, RecordType.TXT,
        RecordType.AAAA, RecordType.SRV, RecordType.NAPTR, RecordType.DS, RecordType.RRSIG, RecordType.NSEC,
        RecordType.DNSKEY, RecordType.NSEC3, RecordType.NSEC3PARAM, RecordType.TLSA, RecordType.SVCB,
        RecordType.HTTPS, RecordType.CAA, RecordType.ANY, RecordType.AXFR, RecordType.IXFR,
    ];

    /// <summary>The response codes counted one by one; any other is counted as "other" (null).</summary>
    public static IReadOnlyList<DnsRcode> TrackedRcodes => Rcodes;

    private static readonly DnsRcode[] Rcodes =
    [
        DnsRcode.NoError, DnsRcode.FormErr, DnsRcode.ServFail, DnsRcode.NXDomain, DnsRcode.NotImp,
        DnsRcode.Refused, DnsRcode.YXDomain, DnsRcode.BadVers, DnsRcode.NotAuth,
    ];

    private static readonly int TypeSlots = TrackedTypes.Count + 1;
    private static readonly int CellsPerStripe = TypeSlots * (Rcodes.Length + 1) * 2;

    private readonly ConcurrentDictionary<DnsName, long[]?[]> _zones = new();
    private readonly long[]?[] _noZone;
    private readonly int _stripeMask;

    /// <summary>Creates counters for the region in <paramref name="options"/> ("local" when null).</summary>
    public QueryCounters(ResponderOptions? options = null)
        : this(options, (int)Math.Min(64, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount)))
    {
    }

    /// <summary>Creates counters with a given number of stripes (a power of two; tests use one).</summary>
    internal QueryCounters(ResponderOptions? options, int stripes)
    {
        Region = options?.Region ?? "local";
        _stripeMask = stripes - 1;
        _noZone = NewBlock();
    }

    /// <summary>The node's region, attached to every count.</summary>
    public string Region { get; }

    /// <summary>Counts one answered query. Thread-safe; allocates only the first time a core counts for a zone.</summary>
    public void Count(DnsName? zone, RecordType queryType, DnsRcode rcode, DnsTransport transport)
    {
        var block = zone is null ? _noZone : _zones.TryGetValue(zone, out var existing) ? existing : _zones.GetOrAdd(zone, _ => NewBlock());
        int stripe = Thread.GetCurrentProcessorId() & _stripeMask;
        var cells = block[stripe] ?? AddStripe(block, stripe);
        int cell = ((TypeSlot(queryType) * (Rcodes.Length + 1) + RcodeSlot(rcode)) << 1) + (transport == DnsTransport.Tcp ? 1 : 0);
        Interlocked.Increment(ref cells[cell]);
    }

    /// <summary>The cumulative counts, one entry per combination seen at least once.</summary>
    public IReadOnlyList<QueryCount> Snapshot()
    {
        var counts = new List<QueryCount>();
        Collect(null, _noZone, counts);
        foreach (var (zone, block) in _zones)
            Collect(zone, block, counts);
        return counts;
    }

    /// <summary>The zones' most queried names since the last call (interim: the sketches arrive with the hot-path work).</summary>
    public IReadOnlyList<ZoneTopNames> DrainTopNames() => [];

    private void Collect(DnsName? zone, long[]?[] block, List<QueryCount> counts)
    {
        for (int cell = 0; cell < CellsPerStripe; cell++)
        {
            long total = 0;
            foreach (var stripe in block)
            {
                if (stripe is not null)
                    total += Volatile.Read(ref stripe[cell]);
            }
            if (total == 0)
                continue;
            int transport = cell & 1, rest = cell >> 1;
            int rcode = rest % (Rcodes.Length + 1), type = rest / (Rcodes.Length + 1);
            counts.Add(new QueryCount(
                zone,
                type < TrackedTypes.Count ? TrackedTypes[type] : null,
                rcode < Rcodes.Length ? Rcodes[rcode] : null,
                transport == 1 ? DnsTransport.Tcp : DnsTransport.Udp,
                IpVersion.V4,
                "other",
                Region,
                total));
        }
    }

    private long[]?[] NewBlock() => new long[]?[_stripeMask + 1];

    private static long[] AddStripe(long[]?[] block, int stripe)
    {
        Interlocked.CompareExchange(ref block[stripe], new long[CellsPerStripe], null);
        return block[stripe]!;
    }

    private static int TypeSlot(RecordType type) => type switch
    {
        RecordType.A => 0, RecordType.NS => 1, RecordType.CNAME => 2, RecordType.SOA => 3, RecordType.PTR => 4,
        RecordType.MX => 5, RecordType.TXT => 6, RecordType.AAAA => 7, RecordType.SRV => 8, RecordType.NAPTR => 9,
        RecordType.DS => 10, RecordType.RRSIG => 11, RecordType.NSEC => 12, RecordType.DNSKEY => 13,
        RecordType.NSEC3 => 14, RecordType.NSEC3PARAM => 15, RecordType.TLSA => 16, RecordType.SVCB => 17,
        RecordType.HTTPS => 18, RecordType.CAA => 19, RecordType.ANY => 20, RecordType.AXFR => 21, RecordType.IXFR => 22,
        _ => 23,
    };

    private static int RcodeSlot(DnsRcode rcode) => rcode switch
    {
        DnsRcode.NoError => 0, DnsRcode.FormErr => 1, DnsRcode.ServFail => 2, DnsRcode.NXDomain => 3,
        DnsRcode.NotImp => 4, DnsRcode.Refused => 5, DnsRcode.YXDomain => 6, DnsRcode.BadVers => 7,
        DnsRcode.NotAuth => 8, _ => 9,
    };
}
