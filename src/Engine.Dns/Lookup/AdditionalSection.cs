using System.Buffers.Binary;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// Additional-section processing (RFC 1034 §4.3.2 step 6, RFC 1035 §3.3): addresses of the names an
/// answer's NS, MX or SRV records point to, when the zone holds them. All A records first, then all
/// AAAA, so that a size-limited response keeps an IPv4 address per target, as BIND 9 orders them.
/// </summary>
internal static class AdditionalSection
{
    /// <summary>
    /// For an authoritative NS, MX or SRV answer: addresses of in-zone targets from authoritative data,
    /// wildcards included, never glue from below a cut (BIND 9 does the same).
    /// </summary>
    public static void AddForAnswer(ResponseBuilder builder, ZoneNode node, int set)
    {
        var type = node.Sets[set].Type;
        if (type is not (RecordType.NS or RecordType.MX or RecordType.SRV))
            return;
        AddAddresses(builder, node.Sets[set], RecordType.A, glue: false);
        AddAddresses(builder, node.Sets[set], RecordType.AAAA, glue: false);
    }

    /// <summary>For a referral: glue, the addresses held at or below a zone cut for the NS targets.</summary>
    public static void AddGlue(ResponseBuilder builder, ZoneNode cut, int ns)
    {
        AddAddresses(builder, cut.Sets[ns], RecordType.A, glue: true);
        AddAddresses(builder, cut.Sets[ns], RecordType.AAAA, glue: true);
    }

    private static void AddAddresses(ResponseBuilder builder, in RRset set, RecordType addressType, bool glue)
    {
        var data = set.Bytes;
        int position = 0;
        for (int i = 0; i < set.Count; i++)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            var target = RdataNames.Target(set.Type, data.Slice(position + 2, length));
            position += 2 + length;
            if (!target.IsEmpty)
                AddAddress(builder, target, addressType, glue);
        }
    }

    private static void AddAddress(ResponseBuilder builder, ReadOnlySpan<byte> target, RecordType addressType, bool glue)
    {
        var zone = builder.Zone;
        Span<byte> lower = stackalloc byte[target.Length];
        NameLabels.ToLower(target, lower);
        int prefix = NameLabels.PrefixLength(lower, zone.OriginLower.Length);
        if (prefix < 0 || !lower[prefix..].SequenceEqual(zone.OriginLower))
            return;
        if (glue)
        {
            var node = zone.Node(lower[..prefix]);
            if (node is not null && (node.Flags & (NodeFlags.Delegation | NodeFlags.BelowCut)) != 0)
                AddSet(builder, node, addressType, -1, 0);
            return;
        }
        Span<byte> offsets = stackalloc byte[NameLabels.MaxLabels];
        int labels = NameLabels.Offsets(lower, offsets);
        var name = new LookupName(lower, offsets, labels, zone.OriginLower.Length, zone.Origin.LabelCount);
        var found = ZoneLookup.Find(zone, name, addressType);
        if (found.Outcome == LookupOutcome.Exact && (found.Node.Flags & NodeFlags.Delegation) == 0)
        {
            AddSet(builder, found.Node, addressType, -1, 0);
        }
        else if (found.Outcome == LookupOutcome.Wildcard && found.Node.Find(addressType) >= 0 && builder.TryStoreName(target, out int owner))
        {
            AddSet(builder, found.Node, addressType, owner, target.Length);
        }
    }

    private static void AddSet(ResponseBuilder builder, ZoneNode node, RecordType addressType, int ownerOffset, int ownerLength)
    {
        int set = node.Find(addressType);
        if (set >= 0)
            builder.AddAdditional(node, set, ownerOffset, ownerLength, builder.Dnssec);
    }
}
