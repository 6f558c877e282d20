using System.Text;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>The structure a snapshot computes once from its nodes: empty non-terminals, flags, denial chains.</summary>
internal static class ZoneStructure
{
    /// <summary>
    /// Adds a node for every missing ancestor of a node (empty non-terminals, RFC 4592 §2.2.2), so the
    /// closest encloser of any name is found by walking up its labels.
    /// </summary>
    public static void AddEmptyNonTerminals(Dictionary<byte[], ZoneNode> nodes, Dictionary<byte[], ZoneNode>.AlternateLookup<ReadOnlySpan<byte>> lookup)
    {
        foreach (var node in nodes.Values.ToArray())
        {
            int offset = 0;
            while (offset < node.Key.Length)
            {
                offset += node.Key[offset] + 1;
                var key = node.Key.AsSpan(offset);
                if (lookup.ContainsKey(key))
                    break;
                var keyArray = key.ToArray();
                var wire = node.Wire.AsSpan(offset);
                nodes.Add(keyArray, new ZoneNode(keyArray, wire.SequenceEqual(keyArray) ? keyArray : wire.ToArray()));
            }
        }
    }

    /// <summary>Sets each node's flags, parents before children, and warns about CNAME beside other data.</summary>
    public static void ComputeFlags(Dictionary<byte[], ZoneNode> nodes, Dictionary<byte[], ZoneNode>.AlternateLookup<ReadOnlySpan<byte>> lookup, ZoneNode apex, DnsName origin, Action<string> warn)
    {
        var byDepth = new List<List<ZoneNode>>();
        Span<byte> offsets = stackalloc byte[NameLabels.MaxLabels];
        foreach (var node in nodes.Values)
        {
            int depth = NameLabels.Offsets(node.Key, offsets);
            while (byDepth.Count <= depth)
                byDepth.Add([]);
            byDepth[depth].Add(node);
        }
        foreach (var level in byDepth)
        {
            foreach (var node in level)
            {
                node.Flags = OwnFlags(node, node == apex);
                if ((node.Flags & NodeFlags.Cname) != 0 && HasDataBesideCname(node))
                    warn($"{NameOf(node, origin)}: CNAME beside other data (RFC 2181 §10.1)");
                if (node == apex)
                    continue;
                var parent = lookup[node.Key.AsSpan(node.Key[0] + 1)];
                if ((parent.Flags & (NodeFlags.Delegation | NodeFlags.BelowCut)) != 0)
                    node.Flags |= NodeFlags.BelowCut;
                if ((parent.Flags & (NodeFlags.Dname | NodeFlags.BelowDname)) != 0)
                    node.Flags |= NodeFlags.BelowDname;
            }
        }
    }

    /// <summary>The nodes in canonical order (RFC 4034 §6.1): the apex first, each name before its descendants.</summary>
    public static ZoneNode[] Order(IEnumerable<ZoneNode> nodes)
    {
        return CanonicalSort.Sort(nodes.ToArray());
    }

    /// <summary>Canonical order of two nodes of one zone (RFC 4034 §6.1).</summary>
    public static int CanonicalOrder(ZoneNode left, ZoneNode right) => NameLabels.Compare(left.Key, right.Key);

    /// <summary>The owners of NSEC records, in canonical order, from the nodes in that order; null when the zone has none.</summary>
    public static NsecChain? BuildNsecChain(ZoneNode[] ordered)
    {
        var owners = ordered.Where(n => n.Find(RecordType.NSEC) >= 0).ToArray();
        return owners.Length == 0 ? null : new NsecChain(owners);
    }

    /// <summary>
    /// The NSEC3 chain of the apex's NSEC3PARAM (or, lacking one, of the first NSEC3 seen): the owners
    /// whose NSEC3 uses those parameters, sorted by hash. <paramref name="all"/> receives every NSEC3 owner.
    /// </summary>
    public static Nsec3Chain? BuildNsec3Chain(ZoneNode apex, IEnumerable<ZoneNode> nsec3Nodes, out ZoneNode[] all)
    {
        all = nsec3Nodes.ToArray();
        int paramSet = apex.Find(RecordType.NSEC3PARAM);
        var parameters = paramSet >= 0 ? apex.Sets[paramSet].FirstRdata : FirstNsec3(all);
        if (parameters.Length < 5 || parameters[0] != Nsec3Chain.Sha1 || parameters.Length < 5 + parameters[4])
            return null;
        var salted = parameters.Slice(2, 3 + parameters[4]).ToArray(); // iterations, salt length, salt
        var members = new List<(byte[] Hash, ZoneNode Node)>();
        foreach (var node in all)
        {
            if (Nsec3Hash(node, salted) is { } hash)
                members.Add((hash, node));
        }
        if (members.Count == 0)
            return null;
        members.Sort((a, b) => a.Hash.AsSpan().SequenceCompareTo(b.Hash));
        var hashes = new byte[members.Count * Nsec3Chain.HashLength];
        for (int i = 0; i < members.Count; i++)
            members[i].Hash.CopyTo(hashes, i * Nsec3Chain.HashLength);
        ushort iterations = (ushort)(salted[0] << 8 | salted[1]);
        return new Nsec3Chain(iterations, salted[3..], hashes, members.Select(m => m.Node).ToArray());
    }

    /// <summary>
    /// The owner hash of <paramref name="node"/> when its NSEC3 belongs to the chain of <paramref name="salted"/>
    /// (iterations, salt length, salt, as in NSEC3PARAM's RDATA from its third octet); otherwise null.
    /// </summary>
    public static byte[]? Nsec3Hash(ZoneNode node, ReadOnlySpan<byte> salted)
    {
        int set = node.Find(RecordType.NSEC3);
        if (set < 0)
            return null;
        var rdata = node.Sets[set].FirstRdata;
        if (rdata.Length < 5 + salted[2] || rdata[0] != Nsec3Chain.Sha1 || !rdata.Slice(2, salted.Length).SequenceEqual(salted))
            return null;
        if (node.Key.Length < 2 || node.Key[0] != node.Key.Length - 1)
            return null;
        return Base32Hex.TryDecode(Encoding.ASCII.GetString(node.Key, 1, node.Key[0]), out var hash) && hash.Length == Nsec3Chain.HashLength ? hash : null;
    }

    private static ReadOnlySpan<byte> FirstNsec3(ZoneNode[] nodes)
    {
        foreach (var node in nodes)
        {
            int set = node.Find(RecordType.NSEC3);
            if (set >= 0)
                return node.Sets[set].FirstRdata;
        }
        return default;
    }

    /// <summary>The node's absolute name, for messages.</summary>
    public static DnsName NameOf(ZoneNode node, DnsName origin)
    {
        var wire = new byte[node.Wire.Length + origin.WireLength];
        node.Wire.CopyTo(wire, 0);
        origin.Wire.CopyTo(wire.AsSpan(node.Wire.Length));
        return DnsName.FromWire(wire);
    }

    /// <summary>The flags a node has of its own RRsets, before its ancestors' are added.</summary>
    public static NodeFlags OwnFlags(ZoneNode node, bool isApex)
    {
        var flags = isApex ? NodeFlags.Apex : NodeFlags.None;
        foreach (var set in node.Sets)
        {
            flags |= set.Type switch
            {
                RecordType.NS when !isApex => NodeFlags.Delegation,
                RecordType.DNAME => NodeFlags.Dname,
                RecordType.CNAME => NodeFlags.Cname,
                _ => NodeFlags.None,
            };
        }
        return flags;
    }

    /// <summary>DNSSEC records may sit beside a CNAME (RFC 4035 §2.5); anything else may not (RFC 2181 §10.1).</summary>
    public static bool HasDataBesideCname(ZoneNode node) =>
        node.Sets.Any(s => s.Type is not (RecordType.CNAME or RecordType.RRSIG or RecordType.NSEC or RecordType.KEY));
}
