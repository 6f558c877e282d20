using System.Collections.Concurrent;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Analytics;

/// <summary>
/// Counts answered queries by zone, query type, response code, transport, IP version and client region, for the
/// analytics aggregator, and keeps each zone's most queried names (all answers, NXDOMAIN answers) in two
/// <see cref="SpaceSavingSketch"/>es. Counts are exact and cumulative since start (the aggregator takes
/// differences between <see cref="Snapshot"/>s); top names are since the last <see cref="DrainTopNames"/>.
/// <para>
/// Layout, two levels per zone, chosen so that 10,000 zones stay cheap while counting stays an interlocked
/// increment without locks or allocation: a zone holds one reference per (type, rcode) slot (24 × 10 = 240
/// references, 1.9 KiB), and a slot's block is allocated (compare-and-swap) the first time that pair is
/// counted. A block holds, per core stripe (<see cref="Thread.GetCurrentProcessorId"/>), the cells for
/// transport × IP version × client region, followed by 64 bytes of padding so that two cores never write the
/// same cache line. A zone asked for A and AAAA, NOERROR and NXDOMAIN, on 2 stripes and 3 regions, holds
/// 1.9 KiB + 4 × 2 × (16 + 8) × 8 bytes ≈ 3.4 KiB; a dense array of every combination would hold
/// 240 × 16 cells × 8 bytes = 30 KiB per stripe. Stripes and types seen rarely cost nothing.
/// </para>
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

    private const int TypeSlots = 24;
    private const int RcodeSlots = 10;

    /// <summary>Cells of padding after each stripe's cells: 64 bytes, a cache line.</summary>
    private const int Padding = 8;

    /// <summary>
    /// Most top-name sketches per zone and kind. Each core sketches into its own (a sketch shared by every core would have
    /// its busy flag and entries bounce between the cores' caches on every query); the drain adds them up. Capped, as each
    /// costs up to its capacity in names.
    /// </summary>
    private const int MaxSketchStripes = 8;

    private readonly ConcurrentDictionary<DnsName, ZoneQueryCounters> _zones = new();

    /// <summary>Each zone once a period, as it is first counted in it; the fold moves them into <see cref="_recent"/>.</summary>
    private readonly ConcurrentQueue<ZoneQueryCounters> _countedAnew = new();

    /// <summary>The zones counted in the recent periods (<see cref="RecentFrom"/>): all the fold reads. Guarded by itself.</summary>
    private readonly HashSet<ZoneQueryCounters> _recent = new(ReferenceEqualityComparer.Instance);
    private readonly ZoneQueryCounters _noZone;

    /// <summary>Completed by the first count after <see cref="NextCountAsync"/> armed it; null when nobody waits.</summary>
    private TaskCompletionSource? _nextCount;
    private readonly int _stripeMask;
    private readonly int _sketchMask;
    private readonly int _stride;
    private int _period;

    /// <summary>Creates counters with the region, client regions and top-name capacity of <paramref name="options"/>.</summary>
    public QueryCounters(QueryCountingOptions? options = null)
        : this(options, (int)Math.Min(64, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount)))
    {
    }

    /// <summary>Creates counters with a given number of stripes (a power of two; tests use one).</summary>
    internal QueryCounters(QueryCountingOptions? options, int stripes)
    {
        Region = options?.Region ?? "local";
        ClientRegions = options?.ClientRegions ?? ClientRegionMap.Empty;
        TopNamesCapacity = options?.TopNamesCapacity ?? SpaceSavingSketch.DefaultCapacity;
        _stripeMask = stripes - 1;
        _sketchMask = Math.Min(stripes, MaxSketchStripes) - 1;
        _stride = stripes == 1 ? CellsPerStripe : CellsPerStripe + Padding;
        _noZone = new ZoneQueryCounters(this, null, TypeSlots, 1);
    }

    /// <summary>The node's region, attached to every count.</summary>
    public string Region { get; }

    /// <summary>The networks that give a client its region.</summary>
    public ClientRegionMap ClientRegions { get; }

    /// <summary>Names kept per zone in each top-name sketch; 0 keeps none.</summary>
    public int TopNamesCapacity { get; }

    private int CellsPerStripe => ClientRegions.Regions.Count * 4;

    /// <summary>
    /// Counts one answered query and, for a zone of ours, sketches its name (given in any case). Thread-safe. For
    /// callers outside the responder's hot path: it looks the zone up by name and may allocate.
    /// </summary>
    public void Count(DnsName? zone, DnsName? queryName, RecordType queryType, DnsRcode rcode, DnsTransport transport, IpVersion ipVersion, string clientRegion)
    {
        var counters = zone is null ? _noZone : ZoneCounters(zone);
        Increment(counters, queryType, rcode, transport, ipVersion, ClientRegions.SlotOf(clientRegion));
        if (zone is not null && queryName is not null)
            Sketch(counters, queryName.ToLowerCase().Wire, rcode);
    }

    /// <summary>
    /// The responder's call for a query outside every zone of ours. Allocates nothing once the block for this type and
    /// rcode exists.
    /// </summary>
    internal void CountOutsideZones(RecordType queryType, DnsRcode rcode, DnsTransport transport, IpVersion ipVersion, int regionSlot) =>
        Increment(_noZone, queryType, rcode, transport, ipVersion, regionSlot);

    /// <summary>
    /// The responder's call: counts one answered query for the zone <paramref name="origin"/> and sketches its lowercase
    /// name. <paramref name="cached"/> is the caller's slot for the zone's counters (one per served copy of the zone), so
    /// that counting needs no dictionary lookup after the first query. Allocates nothing once the zone's block for this
    /// type and rcode exists.
    /// </summary>
    internal void Count(ref ZoneQueryCounters? cached, DnsName origin, ReadOnlySpan<byte> lowercaseName, RecordType queryType, DnsRcode rcode,
        DnsTransport transport, IpVersion ipVersion, int regionSlot)
    {
        var counters = cached;
        if (counters is null || counters.Owner != this)
            cached = counters = ZoneCounters(origin);
        Increment(counters, queryType, rcode, transport, ipVersion, regionSlot);
        if (!lowercaseName.IsEmpty)
            Sketch(counters, lowercaseName, rcode);
    }

    /// <summary>The cumulative counts, one entry per combination seen at least once. Exact.</summary>
    public IReadOnlyList<QueryCount> Snapshot()
    {
        var counts = new List<QueryCount>();
        Collect(_noZone, counts);
        foreach (var (_, zone) in _zones) // enumerated in place: Values copies every zone into a new list under all the locks
            Collect(zone, counts);
        return counts;
    }

    /// <summary>
    /// The cumulative counts, as <see cref="Snapshot"/>, of the zones counted lately, and a new period begins: for a fold at
    /// a fixed interval, which reads a zone no longer queried for two more calls and then never again, so that zones queried
    /// once long ago cost the fold nothing. A zone is read when it was
    /// counted in the period this call ends or the one before it, so a count made while the previous call ran (its period
    /// read just before the change) is read by this one.
    /// </summary>
    public IReadOnlyList<QueryCount> SnapshotRecent()
    {
        int recentFrom = RecentFrom(Interlocked.Increment(ref _period));
        var counts = new List<QueryCount>();
        Collect(_noZone, counts);
        lock (_recent)
        {
            // Only the zones counted lately are visited: enumerating 10,000 zones twice a fold was most of an idle
            // server's CPU. A zone queued since the last fold is read now, whatever period its count noted (a thread
            // may note a period a fold or two old), so no count is left unread for good.
            _recent.RemoveWhere(zone => Volatile.Read(ref zone.Period) < recentFrom);
            TakeCountedAnew();
            foreach (var zone in _recent)
                Collect(zone, counts);
        }
        return counts;
    }

    /// <summary>
    /// Completes at the first count made after this call (one waiter: a later call replaces an earlier one's task, which
    /// then never completes). For a fold that sleeps while nothing is counted: armed before it reads the counters, a count
    /// that fold misses wakes the wait.
    /// </summary>
    public Task NextCountAsync()
    {
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _nextCount, next);
        return next.Task;
    }

    private void WakeWaiter(TaskCompletionSource waiter)
    {
        if (Interlocked.CompareExchange(ref _nextCount, null, waiter) == waiter)
            waiter.TrySetResult();
    }

    /// <summary>The oldest period whose zones count as recent while <paramref name="current"/> runs.</summary>
    private static int RecentFrom(int current) => current - 2;

    /// <summary>
    /// Each zone's most queried names (all answers and NXDOMAIN answers) since the previous drain, then empties the
    /// sketches. Zones without queries since then are left out, and their sketches are released (memory goes to
    /// the zones being queried). Only the zones counted lately (<see cref="SnapshotRecent"/>) are looked at: a zone
    /// older than that had its sketches released by an earlier drain.
    /// </summary>
    public IReadOnlyList<ZoneTopNames> DrainTopNames()
    {
        var result = new List<ZoneTopNames>();
        lock (_recent)
        {
            TakeCountedAnew();
            foreach (var zone in _recent)
                DrainInto(result, zone);
        }
        return result;
    }

    private void DrainInto(List<ZoneTopNames> result, ZoneQueryCounters zone)
    {
        var names = Drain(zone.Names);
        var nxDomainNames = Drain(zone.NxDomainNames);
        if (names.Count == 0)
        {
            // A sample added between the drain and this release is lost with the sketch, as a skipped one would be.
            Array.Clear(zone.Names);
            Array.Clear(zone.NxDomainNames);
            return;
        }
        result.Add(new ZoneTopNames(zone.Zone!, names, nxDomainNames));
    }

    /// <summary>Adds the zones first counted in a period since the last call to <see cref="_recent"/> (held by the caller).</summary>
    private void TakeCountedAnew()
    {
        while (_countedAnew.TryDequeue(out var zone))
            _recent.Add(zone);
    }

    /// <summary>
    /// Drains a zone's sketches of one kind and adds them up, the way Space-Saving summaries merge (counts and their
    /// overestimates add); the largest <see cref="TopNamesCapacity"/> are kept.
    /// </summary>
    private IReadOnlyList<NameCount> Drain(SpaceSavingSketch?[] sketches)
    {
        Dictionary<DnsName, long>? merged = null;
        IReadOnlyList<NameCount>? single = null;
        foreach (var sketch in sketches)
        {
            if (sketch?.Drain() is not { Count: > 0 } drained)
                continue;
            if (single is null && merged is null)
            {
                single = drained;
                continue;
            }
            merged ??= single!.ToDictionary(name => name.Name, name => name.Count);
            foreach (var name in drained)
                merged[name.Name] = merged.GetValueOrDefault(name.Name) + name.Count;
        }
        if (merged is null)
            return single ?? [];
        return merged.Select(pair => new NameCount(pair.Key, pair.Value))
            .OrderByDescending(name => name.Count).ThenBy(name => name.Name).Take(TopNamesCapacity).ToList();
    }

    private ZoneQueryCounters ZoneCounters(DnsName zone) =>
        _zones.TryGetValue(zone, out var existing) ? existing : _zones.GetOrAdd(zone, name => new ZoneQueryCounters(this, name, TypeSlots, _sketchMask + 1));

    private void Increment(ZoneQueryCounters counters, RecordType queryType, DnsRcode rcode, DnsTransport transport, IpVersion ipVersion, int regionSlot)
    {
        int type = TypeSlot(queryType), code = RcodeSlot(rcode);
        int period = _period;
        var rcodes = counters.Blocks[type] ?? Installed(ref counters.Blocks[type], new long[]?[RcodeSlots]);
        var block = rcodes[code] ?? Installed(ref rcodes[code], new long[_stride * (_stripeMask + 1)]);
        int stripe = Thread.GetCurrentProcessorId() & _stripeMask;
        int cell = stripe * _stride + ((regionSlot << 2) | (ipVersion == IpVersion.V6 ? 2 : 0) | (transport == DnsTransport.Tcp ? 1 : 0));
        Interlocked.Increment(ref block[cell]);
        // One read of a field written once a fold: only the first count after the fold went to sleep wakes it.
        if (Volatile.Read(ref _nextCount) is { } waiter)
            WakeWaiter(waiter);
        // Once a period: the line stays shared between the cores the rest of it, and one thread queues the zone for the
        // fold, after its count, so the fold that takes the zone reads the count.
        if (counters.Period != period && Interlocked.Exchange(ref counters.Period, period) != period && counters.Zone is not null)
            _countedAnew.Enqueue(counters);
    }

    private void Sketch(ZoneQueryCounters counters, ReadOnlySpan<byte> lowercaseName, DnsRcode rcode)
    {
        if (TopNamesCapacity == 0)
            return;
        int stripe = Thread.GetCurrentProcessorId() & _sketchMask;
        (counters.Names[stripe] ?? Installed(ref counters.Names[stripe], NewSketch())).TryAdd(lowercaseName);
        if (rcode == DnsRcode.NXDomain)
            (counters.NxDomainNames[stripe] ?? Installed(ref counters.NxDomainNames[stripe], NewSketch())).TryAdd(lowercaseName);
    }

    private SpaceSavingSketch NewSketch() => new(TopNamesCapacity, sampleUnderChurn: true);

    /// <summary>
    /// Puts <paramref name="made"/> in the empty <paramref name="slot"/> unless another thread filled it first, and returns
    /// what the slot holds: the first count of a pair (or sketch of a stripe) allocates, every later one only reads.
    /// </summary>
    private static T Installed<T>(ref T? slot, T made) where T : class =>
        Interlocked.CompareExchange(ref slot, made, null) ?? made;

    private void Collect(ZoneQueryCounters zone, List<QueryCount> counts)
    {
        int cells = CellsPerStripe;
        for (int type = 0; type < TypeSlots; type++)
        {
            if (Volatile.Read(ref zone.Blocks[type]) is not { } rcodes)
                continue;
            for (int rcode = 0; rcode < RcodeSlots; rcode++)
            {
                if (Volatile.Read(ref rcodes[rcode]) is { } block)
                    CollectBlock(zone, type, rcode, block, cells, counts);
            }
        }
    }

    private void CollectBlock(ZoneQueryCounters zone, int type, int rcode, long[] block, int cells, List<QueryCount> counts)
    {
        for (int cell = 0; cell < cells; cell++)
        {
            long total = 0;
            for (int stripe = 0; stripe <= _stripeMask; stripe++)
                total += Volatile.Read(ref block[stripe * _stride + cell]);
            if (total == 0)
                continue;
            counts.Add(new QueryCount(
                zone.Zone,
                type < TrackedTypes.Count ? TrackedTypes[type] : null,
                rcode < Rcodes.Length ? Rcodes[rcode] : null,
                (cell & 1) == 1 ? DnsTransport.Tcp : DnsTransport.Udp,
                (cell & 2) == 2 ? IpVersion.V6 : IpVersion.V4,
                ClientRegions.Regions[cell >> 2],
                Region,
                total));
        }
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
