namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// A snapshot's owner names, by lowercase relative labels, never changed once made. A zone built whole holds one
/// dictionary. A patched zone shares its predecessor's dictionary and holds only its own changes beside it (a replaced or
/// added node, or a removal): an IXFR of a few records to a zone of a million names then costs a few entries, not a copy
/// of the million, on the path from the primary's NOTIFY to the change served. The changes
/// carry over from patch to patch until they outgrow <see cref="MaxChanges"/>, when the next patch makes one dictionary
/// again, so a lookup is never more than two probes and the copying stays in proportion to the changes.
/// </summary>
internal sealed class ZoneNodeMap
{
    private readonly Dictionary<byte[], ZoneNode> _shared;
    private readonly Dictionary<byte[], ZoneNode>.AlternateLookup<ReadOnlySpan<byte>> _sharedLookup;
    // A null value is a name removed from the shared dictionary's.
    private readonly Dictionary<byte[], ZoneNode?>? _changes;
    private readonly Dictionary<byte[], ZoneNode?>.AlternateLookup<ReadOnlySpan<byte>> _changesLookup;

    private ZoneNodeMap(Dictionary<byte[], ZoneNode> shared, Dictionary<byte[], ZoneNode?>? changes, int count)
    {
        _shared = shared;
        _sharedLookup = shared.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (changes is { Count: > 0 })
        {
            _changes = changes;
            _changesLookup = changes.GetAlternateLookup<ReadOnlySpan<byte>>();
        }
        Count = count;
    }

    /// <summary>The map of a zone built whole; <paramref name="nodes"/> is owned by it from now on.</summary>
    public static ZoneNodeMap Whole(Dictionary<byte[], ZoneNode> nodes) => new(nodes, null, nodes.Count);

    /// <summary>Number of names.</summary>
    public int Count { get; }

    /// <summary>How many names this map holds changed beside the dictionary it shares (0 for one dictionary).</summary>
    internal int ChangeCount => _changes?.Count ?? 0;

    /// <summary>Every node, in no particular order.</summary>
    public IEnumerable<ZoneNode> Values => _changes is null ? _shared.Values : MergedValues();

    /// <summary>The node of <paramref name="key"/>, or null.</summary>
    public ZoneNode? Find(ReadOnlySpan<byte> key)
    {
        if (_changes is not null && _changesLookup.TryGetValue(key, out var changed))
            return changed;
        return FindShared(key);
    }

    private ZoneNode? FindShared(ReadOnlySpan<byte> key) => _sharedLookup.TryGetValue(key, out var node) ? node : null;

    /// <summary>A copy to change, for the next snapshot; this map stays as it is.</summary>
    public Editor Edit() => new(this);

    /// <summary>
    /// How many changes a map holds beside its shared dictionary before the next patch makes one dictionary: carried changes
    /// are copied by every patch, a new dictionary copies every name, and this bound (four times the square root of the names)
    /// keeps both small: 1,265 for 100,000 names, one new dictionary about every 400 one-record changes.
    /// </summary>
    internal static int MaxChanges(int names) => Math.Max(256, 4 * (int)Math.Sqrt(names));

    private IEnumerable<ZoneNode> MergedValues()
    {
        foreach (var (key, node) in _shared)
        {
            if (!_changes!.ContainsKey(key))
                yield return node;
        }
        foreach (var node in _changes!.Values)
        {
            if (node is not null)
                yield return node;
        }
    }

    /// <summary>The names of the next snapshot while a patch makes them: reads see the edits made so far.</summary>
    internal sealed class Editor
    {
        private readonly ZoneNodeMap _base;
        private readonly Dictionary<byte[], ZoneNode?> _changes;
        private readonly Dictionary<byte[], ZoneNode?>.AlternateLookup<ReadOnlySpan<byte>> _changesLookup;
        private int _count;

        public Editor(ZoneNodeMap map)
        {
            _base = map;
            _changes = map._changes is null
                ? new Dictionary<byte[], ZoneNode?>(NameKeyComparer.Instance)
                : new Dictionary<byte[], ZoneNode?>(map._changes, NameKeyComparer.Instance);
            _changesLookup = _changes.GetAlternateLookup<ReadOnlySpan<byte>>();
            _count = map.Count;
        }

        /// <summary>The node of <paramref name="key"/> as edited so far, or null.</summary>
        public ZoneNode? Find(ReadOnlySpan<byte> key) =>
            _changesLookup.TryGetValue(key, out var changed) ? changed : _base.FindShared(key);

        /// <summary>Puts <paramref name="node"/> in place of whatever its name held.</summary>
        public void Set(ZoneNode node)
        {
            if (Find(node.Key) is null)
                _count++;
            _changes[node.Key] = node;
        }

        /// <summary>Removes the name of <paramref name="key"/>, if there.</summary>
        public void Remove(byte[] key)
        {
            if (Find(key) is null)
                return;
            _count--;
            if (_base._sharedLookup.ContainsKey(key))
                _changes[key] = null;
            else
                _changes.Remove(key);
        }

        /// <summary>The edited map: the changes beside the shared dictionary, or one new dictionary once they are many.</summary>
        public ZoneNodeMap Seal()
        {
            if (_changes.Count <= MaxChanges(_count))
                return new ZoneNodeMap(_base._shared, _changes, _count);
            var whole = new Dictionary<byte[], ZoneNode>(_base._shared, NameKeyComparer.Instance);
            foreach (var (key, node) in _changes)
            {
                if (node is null)
                    whole.Remove(key);
                else
                    whole[key] = node;
            }
            return Whole(whole);
        }
    }
}
