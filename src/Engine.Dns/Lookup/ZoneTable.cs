using System.Collections.Concurrent;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// The zones a responder serves. Readers never lock: each zone is one immutable entry in a concurrent
/// dictionary, replaced atomically when a new snapshot is published, and a query finds its closest
/// enclosing zone by looking up its name's suffixes, longest first, by span.
/// </summary>
public sealed class ZoneTable
{
    private readonly ConcurrentDictionary<byte[], ZoneEntry> _zones = new(NameKeyComparer.Instance);
    private readonly ConcurrentDictionary<byte[], ZoneEntry>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private int _maxLabels;

    /// <summary>Creates an empty table.</summary>
    public ZoneTable()
    {
        _lookup = _zones.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The origins of every zone known, available or not.</summary>
    public IReadOnlyCollection<DnsName> Origins => _zones.Values.Select(e => e.Origin).ToArray();

    /// <summary>Number of zones known.</summary>
    public int Count => _zones.Count;

    /// <summary>Adds a zone, or atomically replaces the snapshot (or unavailable marker) of the same origin.</summary>
    public void Publish(ZoneSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Put(new ZoneEntry(snapshot.Origin, snapshot));
    }

    /// <summary>
    /// Marks a zone as known but not servable (expired, or not loaded yet): its queries get SERVFAIL,
    /// never stale data. The snapshot it had is released; <see cref="Get"/> then returns null.
    /// </summary>
    public void SetUnavailable(DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Put(new ZoneEntry(origin, null));
    }

    /// <summary>Stops serving a zone; its names then get REFUSED (or the answer of an enclosing zone). False when unknown.</summary>
    public bool Remove(DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return _zones.TryRemove(Key(origin), out _);
    }

    /// <summary>The snapshot served for exactly <paramref name="origin"/>, or null (unknown or unavailable).</summary>
    public ZoneSnapshot? Get(DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return _zones.TryGetValue(Key(origin), out var entry) ? entry.Snapshot : null;
    }

    /// <summary>
    /// The closest enclosing zone of a name given in lowercase wire form with its label offsets, or null.
    /// Allocates nothing. With <paramref name="firstSuffix"/> 1, finds the zone above the name's parent.
    /// </summary>
    internal ZoneEntry? Find(ReadOnlySpan<byte> lowercaseName, ReadOnlySpan<byte> offsets, int labelCount, int firstSuffix = 0)
    {
        int first = Math.Max(firstSuffix, labelCount - Volatile.Read(ref _maxLabels));
        for (int i = first; i <= labelCount; i++)
        {
            var suffix = i == labelCount ? lowercaseName[^1..] : lowercaseName[offsets[i]..];
            if (_lookup.TryGetValue(suffix, out var entry))
                return entry;
        }
        return null;
    }

    private void Put(ZoneEntry entry)
    {
        int labels = entry.Origin.LabelCount;
        int current;
        while ((current = Volatile.Read(ref _maxLabels)) < labels && Interlocked.CompareExchange(ref _maxLabels, labels, current) != current)
        {
        }
        _zones[Key(entry.Origin)] = entry;
    }

    private static byte[] Key(DnsName origin) => origin.ToLowerCase().Wire.ToArray();
}
