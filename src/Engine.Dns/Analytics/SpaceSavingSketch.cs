using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Analytics;

/// <summary>
/// The most frequent names of a stream in bounded memory: Space-Saving (Metwally, Agrawal and El Abbadi,
/// "Efficient Computation of Frequent and Top-k Elements in Data Streams", 2005). At most
/// <see cref="Capacity"/> names are kept, each with a count and an overestimate; a name not kept replaces the
/// one with the smallest count and inherits that count as its overestimate. So a kept name's count is never
/// below its true count and never more than the overestimate above it, and every name asked for more than
/// total/<see cref="Capacity"/> times is kept. A random-subdomain flood only churns the smallest entries.
/// <para>
/// Keys are lowercase wire-format names copied into per-entry buffers (grown to 32, 64, 128 or 256 octets and
/// then reused), found through an open-addressing table (linear probing, backward-shift deletion) seeded per
/// process, with a min-heap of counts indexed by entry for the replacement: an update allocates nothing once
/// the entries' buffers have grown, and memory stays under <see cref="Capacity"/> × about 300 bytes whatever
/// the input. Arrays start at 8 entries and double up to the capacity, so a zone asked for few names stays small.
/// </para>
/// <para>
/// Thread-safe: a spin flag guards the sketch. <see cref="TryAdd"/> gives up at once when another thread holds
/// it (the responder's exact counters are elsewhere; a skipped sample costs the estimate one observation, and
/// contention is rare because each zone has its own sketches), <see cref="Add"/> and <see cref="Drain"/> wait.
/// </para>
/// <para>
/// Sampling under churn (when created with it, as the responder's are): a stream whose names are mostly new (a
/// random-subdomain flood, or a zone's names asked for evenly) replaces an entry on nearly every add, the sketch's
/// costliest step. When over three quarters of a window of 1,024 adds were replacements, the sketch takes one name in
/// 2, then 4, up to 16, chosen at random, each counted with that weight (Space-Saving over a sample: counts are then estimates whose
/// expectation is the true count, and the heavy hitters still stand out); it halves the rate again when fewer than a
/// quarter were, and starts over at every name after a drain. A stream that fits the capacity never samples.
/// </para>
/// </summary>
public sealed class SpaceSavingSketch
{
    /// <summary>Names kept when no capacity is configured.</summary>
    public const int DefaultCapacity = 64;

    private const int InitialEntries = 8;
    private const int ChurnWindow = 1024, MaxSampleEvery = 16;

    private readonly int _capacity;
    private byte[]?[] _keys = [];
    private byte[] _lengths = [];
    private int[] _hashes = [];
    private long[] _counts = [];
    private long[] _errors = [];
    private int[] _heap = [];
    private int[] _positions = [];
    private int[] _table = [];
    private int _size;
    private long _total;
    private int _busy;
    private readonly bool _sampleUnderChurn;
    private int _sampleEvery = 1, _windowAdds, _windowReplacements;
    private uint _random = 0x9E3779B9;

    /// <summary>
    /// Creates an empty sketch keeping at most <paramref name="capacity"/> names (1 to 65,536); with
    /// <paramref name="sampleUnderChurn"/> it samples while most adds replace an entry (see the class remarks).
    /// </summary>
    public SpaceSavingSketch(int capacity = DefaultCapacity, bool sampleUnderChurn = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 65_536);
        _capacity = capacity;
        _sampleUnderChurn = sampleUnderChurn;
    }

    /// <summary>One name in how many is taken now (1 unless sampling under churn).</summary>
    internal int SampleEvery => Volatile.Read(ref _sampleEvery);

    /// <summary>Most names kept.</summary>
    public int Capacity => _capacity;

    /// <summary>Names kept now.</summary>
    public int Count => Volatile.Read(ref _size);

    /// <summary>Names added since the last drain (the sum of the counts).</summary>
    public long Total => Volatile.Read(ref _total);

    /// <summary>Octets held for keys (bounded by <see cref="Capacity"/> × 256).</summary>
    internal long KeyBytes => _keys.Sum(k => (long)(k?.Length ?? 0));

    /// <summary>
    /// Counts one occurrence of a name given in lowercase wire form, unless another thread holds the sketch
    /// (then false, and nothing is counted). Allocates nothing once warm.
    /// </summary>
    public bool TryAdd(ReadOnlySpan<byte> lowercaseName)
    {
        if (lowercaseName.Length is 0 or > DnsName.MaxWireLength)
            return false;
        // Sampled out, at random (a fixed stride would alias with a periodic stream): each name taken carries the weight
        // of the ones left out. Read and written without the flag: a lost update only changes which name is taken.
        int weight = _sampleEvery;
        if (weight > 1 && (NextRandom() & (uint)(weight - 1)) != 0)
            return true;
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
            return false;
        try
        {
            AddLocked(lowercaseName, weight);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
        return true;
    }

    /// <summary>Counts one occurrence of a name given in lowercase wire form, waiting for other threads.</summary>
    public void Add(ReadOnlySpan<byte> lowercaseName)
    {
        var wait = new SpinWait();
        while (!TryAdd(lowercaseName) && lowercaseName.Length is > 0 and <= DnsName.MaxWireLength)
            wait.SpinOnce();
    }

    /// <summary>The count of a kept name and how much of it may be overestimate (its count when it replaced another); false when not kept.</summary>
    public bool TryGetCount(ReadOnlySpan<byte> lowercaseName, out long count, out long overestimate)
    {
        Enter();
        try
        {
            int entry = Find(lowercaseName, Hash(lowercaseName));
            count = entry < 0 ? 0 : _counts[entry];
            overestimate = entry < 0 ? 0 : _errors[entry];
            return entry >= 0;
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>The names kept, highest count first (ties by name).</summary>
    public IReadOnlyList<NameCount> Top()
    {
        Enter();
        try
        {
            return TopLocked();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>The names kept, highest count first, then empties the sketch (its memory is kept for reuse).</summary>
    public IReadOnlyList<NameCount> Drain()
    {
        Enter();
        try
        {
            var top = TopLocked();
            Array.Clear(_table);
            _size = 0;
            _total = 0;
            _sampleEvery = 1;
            _windowAdds = _windowReplacements = 0;
            return top;
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private void Enter()
    {
        var wait = new SpinWait();
        while (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
            wait.SpinOnce();
    }

    private List<NameCount> TopLocked()
    {
        var entries = new List<(byte[] Key, long Count)>(_size);
        for (int i = 0; i < _size; i++)
            entries.Add((_keys[i].AsSpan(0, _lengths[i] + 1).ToArray(), _counts[i]));
        return entries
            .Select(e => new NameCount(DnsName.FromWire(e.Key), e.Count))
            .OrderByDescending(e => e.Count).ThenBy(e => e.Name)
            .ToList();
    }

    private void AddLocked(ReadOnlySpan<byte> name, int weight)
    {
        _total += weight;
        int hash = Hash(name);
        int entry = Find(name, hash);
        if (entry >= 0)
        {
            _counts[entry] += weight;
            SiftDown(_positions[entry]);
            Adapt(replaced: false);
            return;
        }
        if (_size < _capacity)
        {
            if (_size == _counts.Length)
                Grow();
            entry = _size++;
            Store(entry, name, hash);
            _counts[entry] = weight;
            _errors[entry] = 0;
            _heap[entry] = entry;
            _positions[entry] = entry;
            SiftUp(entry);
            Adapt(replaced: false);
            return;
        }
        // Space-Saving: the new name takes the place of the smallest count, and inherits that count as its overestimate.
        entry = _heap[0];
        TableRemove(entry);
        long smallest = _counts[entry];
        Store(entry, name, hash);
        _counts[entry] = smallest + weight;
        _errors[entry] = smallest;
        SiftDown(0);
        Adapt(replaced: true);
    }

    /// <summary>Marsaglia's xorshift32: a cheap, well-spread sequence for choosing the sampled names.</summary>
    private uint NextRandom()
    {
        uint x = _random;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _random = x;
        return x;
    }

    /// <summary>Doubles the sampling interval after a window of mostly replacements, halves it after a window of few.</summary>
    private void Adapt(bool replaced)
    {
        if (!_sampleUnderChurn)
            return;
        if (replaced)
            _windowReplacements++;
        if (++_windowAdds < ChurnWindow)
            return;
        if (_windowReplacements * 4 > ChurnWindow * 3)
            _sampleEvery = Math.Min(_sampleEvery * 2, MaxSampleEvery);
        else if (_windowReplacements * 4 < ChurnWindow)
            _sampleEvery = Math.Max(1, _sampleEvery / 2);
        _windowAdds = _windowReplacements = 0;
    }

    /// <summary>Copies the key into the entry's buffer (reused when big enough) and enters it in the table.</summary>
    private void Store(int entry, ReadOnlySpan<byte> name, int hash)
    {
        var buffer = _keys[entry];
        if (buffer is null || buffer.Length < name.Length)
            _keys[entry] = buffer = new byte[Math.Max(32, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)name.Length))];
        name.CopyTo(buffer);
        _lengths[entry] = (byte)(name.Length - 1);
        _hashes[entry] = hash;
        int mask = _table.Length - 1;
        int slot = hash & mask;
        while (_table[slot] != 0)
            slot = (slot + 1) & mask;
        _table[slot] = entry + 1;
    }

    private int Find(ReadOnlySpan<byte> name, int hash)
    {
        if (_table.Length == 0)
            return -1;
        int mask = _table.Length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            int entry = _table[slot] - 1;
            if (entry < 0)
                return -1;
            if (_hashes[entry] == hash && _lengths[entry] + 1 == name.Length && name.SequenceEqual(_keys[entry].AsSpan(0, name.Length)))
                return entry;
        }
    }

    /// <summary>Removes an entry from the table, moving later entries of its probe run back (no tombstones).</summary>
    private void TableRemove(int entry)
    {
        int mask = _table.Length - 1;
        int hole = _hashes[entry] & mask;
        while (_table[hole] != entry + 1)
            hole = (hole + 1) & mask;
        for (int next = (hole + 1) & mask; _table[next] != 0; next = (next + 1) & mask)
        {
            int home = _hashes[_table[next] - 1] & mask;
            // The entry at next may fill the hole unless its home lies cyclically in (hole, next].
            bool homeBetween = hole <= next ? home > hole && home <= next : home > hole || home <= next;
            if (!homeBetween)
            {
                _table[hole] = _table[next];
                hole = next;
            }
        }
        _table[hole] = 0;
    }

    private void Grow()
    {
        int entries = Math.Min(_capacity, Math.Max(InitialEntries, _counts.Length * 2));
        Array.Resize(ref _keys, entries);
        Array.Resize(ref _lengths, entries);
        Array.Resize(ref _hashes, entries);
        Array.Resize(ref _counts, entries);
        Array.Resize(ref _errors, entries);
        Array.Resize(ref _heap, entries);
        Array.Resize(ref _positions, entries);
        // At most half full, so probe runs stay short.
        _table = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)entries * 2)];
        int mask = _table.Length - 1;
        for (int entry = 0; entry < _size; entry++)
        {
            int slot = _hashes[entry] & mask;
            while (_table[slot] != 0)
                slot = (slot + 1) & mask;
            _table[slot] = entry + 1;
        }
    }

    private void SiftUp(int position)
    {
        int entry = _heap[position];
        while (position > 0)
        {
            int parent = (position - 1) >> 1;
            if (_counts[_heap[parent]] <= _counts[entry])
                break;
            Place(position, _heap[parent]);
            position = parent;
        }
        Place(position, entry);
    }

    private void SiftDown(int position)
    {
        int entry = _heap[position];
        long count = _counts[entry];
        while (true)
        {
            int child = (position << 1) + 1;
            if (child >= _size)
                break;
            if (child + 1 < _size && _counts[_heap[child + 1]] < _counts[_heap[child]])
                child++;
            if (_counts[_heap[child]] >= count)
                break;
            Place(position, _heap[child]);
            position = child;
        }
        Place(position, entry);
    }

    private void Place(int position, int entry)
    {
        _heap[position] = entry;
        _positions[entry] = position;
    }

    /// <summary>HashCode's per-process random seed keeps crafted names from piling into one probe run.</summary>
    private static int Hash(ReadOnlySpan<byte> name)
    {
        var hash = new HashCode();
        hash.AddBytes(name);
        return hash.ToHashCode();
    }
}
