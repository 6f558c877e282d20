using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// Makes the next snapshot of a zone from the current one and the diffs of an IXFR (see <see cref="ZoneSnapshot.Apply"/>).
/// The names the diffs touch are rebuilt by <see cref="ZoneSnapshotBuilder"/> from their records after the diffs; every
/// other node is shared with the current snapshot, which is never changed. Around the rebuilt names: empty non-terminals
/// appear and go (RFC 4592 §2.2.2), cut and DNAME flags are recomputed below a name whose own changed, and the
/// canonical order, NSEC and NSEC3 chains are copied with their edits by binary search.
/// </summary>
internal sealed class ZoneSnapshotPatcher
{
    private const NodeFlags Inherited = NodeFlags.BelowCut | NodeFlags.BelowDname;

    private readonly ZoneSnapshot _zone;
    private readonly ZoneDiffReplay _replay;
    private readonly ZoneSnapshotBuilder _builder;
    private readonly ZoneNodeMap.Editor _nodes;
    private readonly Dictionary<byte[], ZoneNode?> _orderEdits = new(NameKeyComparer.Instance);
    private readonly HashSet<ZoneNode> _fresh = [];
    private readonly List<(byte[] Key, OwnerRecords Owner)> _changed = [];
    private readonly List<ZoneNode> _vacated = [];
    private readonly List<byte[]> _nsecKeys = [];
    private ZoneNode[] _ordered = [];

    private ZoneSnapshotPatcher(ZoneSnapshot zone, ZoneDiffReplay replay)
    {
        _zone = zone;
        _replay = replay;
        _builder = new ZoneSnapshotBuilder(zone.Origin);
        _nodes = zone.NodeSet.Nodes.Edit();
    }

    public static ZoneBuildResult Apply(ZoneSnapshot zone, IReadOnlyList<ZoneDiff> diffs)
    {
        var replay = new ZoneDiffReplay(zone);
        if (!replay.TryReplay(diffs, out string? error))
            return new ZoneBuildResult(null, [error], []);
        return new ZoneSnapshotPatcher(zone, replay).Patch();
    }

    private ZoneBuildResult Patch()
    {
        if (!Ingest())
            return _builder.Result(null);
        int records = _zone.RecordCount + _builder.RecordCount, signatures = _zone.SignatureCount + _builder.SignatureCount;
        foreach (var (key, _) in _changed)
        {
            foreach (var old in new[] { _zone.Node(key), _zone.NodeSet.Nsec3Map.GetValueOrDefault(key) })
            {
                records -= old is null ? 0 : old.Sets.Sum(s => s.Count);
                signatures -= old is null ? 0 : old.Sets.Where(s => s.Type == RecordType.RRSIG).Sum(s => s.Count);
            }
            SwapIn(key);
        }
        _ordered = SortedNodes.With(_zone.NodeSet.Ordered, SortedNodes.Sorted(_orderEdits));
        Prune();
        UpdateFlags();
        var nsec = NsecChain();
        var (nsec3Map, nsec3Nodes) = Nsec3Nodes();
        var nsec3 = Nsec3Chain(nsec3Nodes);
        var set = new ZoneNodeSet(_nodes.Seal(), nsec3Map, nsec3Nodes, _ordered);
        return _builder.Result(new ZoneSnapshot(_zone.Origin, set, nsec, nsec3, records, signatures));
    }

    /// <summary>Builds the changed names (the apex first, with the new SOA) as a full build would; false on errors.</summary>
    private bool Ingest()
    {
        _builder.Ingest(_replay.Soa);
        foreach (var (name, owner) in _replay.Owners.OrderBy(o => o.Key == _zone.Origin ? 0 : 1))
        {
            foreach (var record in owner.Records())
                _builder.Ingest(record);
            if (_replay.RelativeKey(name) is { } key)
                _changed.Add((key, owner));
        }
        _builder.CheckApex(_builder.Nodes.GetValueOrDefault([]));
        if (_builder.Errors.Count > 0)
            return false;
        _builder.SealAll();
        return true;
    }

    /// <summary>Puts a changed name's new node in place, with the empty non-terminals above it; a name left without data stays as an empty node, to be pruned.</summary>
    private void SwapIn(byte[] key)
    {
        var old = _zone.Node(key);
        _nsecKeys.Add(key);
        if (_builder.Nodes.TryGetValue(key, out var node))
        {
            Put(node);
            AddAncestors(node);
        }
        else if (old is not null && !old.IsEmpty)
        {
            var empty = new ZoneNode(old.Key, old.Wire);
            Put(empty);
            _vacated.Add(empty);
        }
    }

    private void Put(ZoneNode node)
    {
        _nodes.Set(node);
        _orderEdits[node.Key] = node;
        _fresh.Add(node);
    }

    private void AddAncestors(ZoneNode node)
    {
        int offset = 0;
        while (offset < node.Key.Length)
        {
            offset += node.Key[offset] + 1;
            var key = node.Key.AsSpan(offset);
            if (_nodes.Find(key) is not null)
                break;
            var keyArray = key.ToArray();
            var wire = node.Wire.AsSpan(offset);
            Put(new ZoneNode(keyArray, wire.SequenceEqual(keyArray) ? keyArray : wire.ToArray()));
        }
    }

    /// <summary>Removes the names left without data and without descendants, then the empty non-terminals that held only them.</summary>
    private void Prune()
    {
        if (_vacated.Count == 0)
            return;
        var removed = new Dictionary<byte[], ZoneNode?>(NameKeyComparer.Instance);
        _vacated.Sort((a, b) => NameLabels.Compare(b.Key, a.Key));
        foreach (var vacated in _vacated)
        {
            var node = vacated;
            while (node.IsEmpty && node.Key.Length > 0 && !removed.ContainsKey(node.Key) && !HasDescendant(node, removed))
            {
                removed[node.Key] = null;
                _nodes.Remove(node.Key);
                _nsecKeys.Add(node.Key);
                node = _nodes.Find(SortedNodes.Parent(node.Key))!;
            }
        }
        if (removed.Count > 0)
            _ordered = SortedNodes.With(_ordered, SortedNodes.Sorted(removed));
    }

    private bool HasDescendant(ZoneNode node, Dictionary<byte[], ZoneNode?> removed)
    {
        int index = SortedNodes.IndexOf(_ordered, node.Key);
        for (int next = index + 1; next < _ordered.Length; next++)
        {
            var candidate = _ordered[next];
            if (!SortedNodes.IsBelow(candidate.Key, node.Key))
                return false;
            if (!removed.ContainsKey(candidate.Key))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Sets the flags of the new nodes, parents first; where what a node passes down (a cut, a DNAME) changed, walks its
    /// descendants, which follow it in canonical order, and gives each whose flags change a copy with the new flags.
    /// </summary>
    private void UpdateFlags()
    {
        var fresh = _fresh.Where(n => _nodes.Find(n.Key) == n).ToList();
        fresh.Sort(ZoneStructure.CanonicalOrder);
        foreach (var node in fresh)
        {
            bool apex = node.Key.Length == 0;
            node.Flags = ZoneStructure.OwnFlags(node, apex) | (apex ? NodeFlags.None : PassedDown(_nodes.Find(SortedNodes.Parent(node.Key))!));
            if ((node.Flags & NodeFlags.Cname) != 0 && ZoneStructure.HasDataBesideCname(node))
                _builder.Warn($"{ZoneStructure.NameOf(node, _zone.Origin)}: CNAME beside other data (RFC 2181 §10.1)");
            var old = _zone.Node(node.Key);
            if (old is not null && PassedDown(old) != PassedDown(node))
                UpdateDescendants(node);
        }
    }

    private void UpdateDescendants(ZoneNode top)
    {
        int index = SortedNodes.IndexOf(_ordered, top.Key);
        for (int next = index + 1; next < _ordered.Length && SortedNodes.IsBelow(_ordered[next].Key, top.Key); next++)
        {
            var node = _ordered[next];
            var parent = _nodes.Find(SortedNodes.Parent(node.Key))!;
            var flags = (node.Flags & ~Inherited) | PassedDown(parent);
            if (flags == node.Flags)
                continue;
            if (_fresh.Contains(node))
            {
                node.Flags = flags;
                continue;
            }
            var copy = new ZoneNode(node.Key, node.Wire) { Sets = node.Sets, Flags = flags };
            _ordered[next] = copy;
            _nodes.Set(copy);
            _fresh.Add(copy);
            _nsecKeys.Add(node.Key);
        }
    }

    /// <summary>The flags a node's children inherit: below a cut (RFC 1034 §4.2.1), below a DNAME (RFC 6672 §2.4).</summary>
    private static NodeFlags PassedDown(ZoneNode parent) =>
        ((parent.Flags & (NodeFlags.Delegation | NodeFlags.BelowCut)) != 0 ? NodeFlags.BelowCut : NodeFlags.None)
        | ((parent.Flags & (NodeFlags.Dname | NodeFlags.BelowDname)) != 0 ? NodeFlags.BelowDname : NodeFlags.None);

    /// <summary>The NSEC chain with each changed, copied or removed name set to its node when that node owns an NSEC.</summary>
    private NsecChain? NsecChain()
    {
        var edits = new Dictionary<byte[], ZoneNode?>(NameKeyComparer.Instance);
        foreach (var key in _nsecKeys)
            edits[key] = _nodes.Find(key) is { } node && node.Find(RecordType.NSEC) >= 0 ? node : null;
        if (_zone.Nsec is null && edits.Values.All(n => n is null))
            return null;
        var owners = SortedNodes.With(_zone.Nsec?.Owners ?? [], SortedNodes.Sorted(edits));
        return owners.Length == 0 ? null : new NsecChain(owners);
    }

    /// <summary>
    /// The NSEC3 owners after the changes, in the order a full build meets them: a name whose first NSEC3 record was
    /// kept stays in place; one whose records were all replaced moves behind, in the order of the additions.
    /// </summary>
    private (Dictionary<byte[], ZoneNode> Map, ZoneNode[] Nodes) Nsec3Nodes()
    {
        var oldMap = _zone.NodeSet.Nsec3Map;
        var inPlace = new Dictionary<ZoneNode, ZoneNode?>(ReferenceEqualityComparer.Instance);
        var appended = new List<(long Sequence, ZoneNode Node)>();
        foreach (var (key, owner) in _changed)
        {
            var old = oldMap.GetValueOrDefault(key);
            var node = _builder.Nsec3Nodes.GetValueOrDefault(key);
            long first = owner.FirstAddition(nsec3: true);
            if (old is not null)
                inPlace[old] = first < 0 ? node : null;
            if (node is not null && first >= 0)
                appended.Add((first, node));
        }
        if (inPlace.Count == 0 && appended.Count == 0)
            return (oldMap, _zone.Nsec3Nodes);
        var map = new Dictionary<byte[], ZoneNode>(oldMap, NameKeyComparer.Instance);
        foreach (var (key, _) in _changed)
        {
            if (_builder.Nsec3Nodes.TryGetValue(key, out var node))
                map[key] = node;
            else
                map.Remove(key);
        }
        var nodes = new List<ZoneNode>(_zone.Nsec3Nodes.Length + appended.Count);
        foreach (var old in _zone.Nsec3Nodes)
        {
            if (!inPlace.TryGetValue(old, out var replacement))
                nodes.Add(old);
            else if (replacement is not null)
                nodes.Add(replacement);
        }
        appended.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        nodes.AddRange(appended.Select(a => a.Node));
        return (map, nodes.ToArray());
    }

    /// <summary>
    /// The NSEC3 chain: edited by hash when the apex's NSEC3PARAM is unchanged, rebuilt when the parameters changed
    /// or come from the first NSEC3 (no NSEC3PARAM), which is rare and touches the whole chain anyway.
    /// </summary>
    private Nsec3Chain? Nsec3Chain(ZoneNode[] nsec3Nodes)
    {
        var apex = _nodes.Find([])!;
        var oldParameters = Nsec3Parameters(_zone.Apex);
        var parameters = Nsec3Parameters(apex);
        bool nsec3Changed = !ReferenceEquals(nsec3Nodes, _zone.Nsec3Nodes);
        if (_zone.Nsec3 is not { } chain || parameters.IsEmpty || !parameters.SequenceEqual(oldParameters))
        {
            return nsec3Changed || !parameters.SequenceEqual(oldParameters)
                ? ZoneStructure.BuildNsec3Chain(apex, nsec3Nodes, out _)
                : _zone.Nsec3;
        }
        if (!nsec3Changed)
            return chain;
        var salted = chain.SaltedParameters;
        var edits = new List<(byte[] Hash, ZoneNode? Node)>();
        foreach (var (key, _) in _changed)
        {
            var old = _zone.NodeSet.Nsec3Map.GetValueOrDefault(key);
            var node = _builder.Nsec3Nodes.GetValueOrDefault(key);
            var newHash = node is null ? null : ZoneStructure.Nsec3Hash(node, salted);
            var hash = newHash ?? (old is null ? null : ZoneStructure.Nsec3Hash(old, salted));
            if (hash is not null)
                edits.Add((hash, newHash is null ? null : node));
        }
        edits.Sort((a, b) => a.Hash.AsSpan().SequenceCompareTo(b.Hash));
        return chain.With(edits);
    }

    private static ReadOnlySpan<byte> Nsec3Parameters(ZoneNode apex)
    {
        int set = apex.Find(RecordType.NSEC3PARAM);
        return set < 0 ? default : apex.Sets[set].FirstRdata;
    }
}
