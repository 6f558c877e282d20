using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// The NSEC (RFC 4035 §3.1.3) or NSEC3 (RFC 5155 §7.2) records, with their signatures, that prove a
/// negative answer, a wildcard expansion or an unsigned delegation. A zone with an NSEC3PARAM at its
/// apex uses its NSEC3 chain; otherwise its NSEC chain. Each record is added to the authority section once.
/// </summary>
internal static class DenialProofs
{
    private static ReadOnlySpan<byte> WildcardLabel => [1, (byte)'*'];

    /// <summary>NXDOMAIN: no such name (RFC 4035 §3.1.3.2: covering NSEC and the NSEC denying the wildcard; RFC 5155 §7.2.2).</summary>
    public static void NameError(ResponseBuilder builder, in LookupName name, int encloser)
    {
        var zone = builder.Zone;
        if (UsesNsec3(zone))
        {
            int proven = ClosestEncloserProof(builder, name, encloser);
            if (proven >= 0)
                AddNsec3Covering(builder, WildcardOf(name.Suffix(proven), stackalloc byte[DnsName.MaxWireLength + 2]));
        }
        else if (zone.Nsec is { } nsec)
        {
            AddNsec(builder, nsec.Covering(name.Relative));
            AddNsec(builder, nsec.Covering(WildcardOf(name.RelativeSuffix(encloser), stackalloc byte[DnsName.MaxWireLength + 2])));
        }
    }

    /// <summary>NODATA at an existing name (RFC 4035 §3.1.3.1, RFC 5155 §7.2.3 and §7.2.4 for DS under opt-out).</summary>
    public static void NoData(ResponseBuilder builder, in LookupName name, ZoneNode node)
    {
        var zone = builder.Zone;
        if (UsesNsec3(zone))
        {
            if (!AddNsec3Matching(builder, name.Lower))
                ClosestEncloserProof(builder, name, 1);
        }
        else if (zone.Nsec is { } nsec)
        {
            // An empty non-terminal has no NSEC of its own: the NSEC covering it proves it has no data.
            AddNsec(builder, node.Find(RecordType.NSEC) >= 0 ? node : nsec.Covering(name.Relative));
        }
    }

    /// <summary>A wildcard expansion: the query name itself does not exist (RFC 4035 §3.1.3.3, RFC 5155 §7.2.6).</summary>
    public static void WildcardAnswer(ResponseBuilder builder, in LookupName name, int encloser)
    {
        var zone = builder.Zone;
        if (UsesNsec3(zone))
            AddNsec3Covering(builder, name.Suffix(encloser - 1));
        else if (zone.Nsec is { } nsec)
            AddNsec(builder, nsec.Covering(name.Relative));
    }

    /// <summary>NODATA through a wildcard (RFC 4035 §3.1.3.4, RFC 5155 §7.2.5).</summary>
    public static void WildcardNoData(ResponseBuilder builder, in LookupName name, int encloser, ZoneNode wildcard)
    {
        var zone = builder.Zone;
        if (UsesNsec3(zone))
        {
            int proven = ClosestEncloserProof(builder, name, encloser);
            if (proven >= 0)
                AddNsec3Matching(builder, WildcardOf(name.Suffix(proven), stackalloc byte[DnsName.MaxWireLength + 2]));
        }
        else if (zone.Nsec is { } nsec)
        {
            AddNsec(builder, nsec.Covering(name.Relative));
            AddNsec(builder, wildcard);
        }
    }

    /// <summary>
    /// A referral: the DS RRset, or the proof there is none (RFC 4035 §3.1.4: the cut's NSEC; RFC 5155
    /// §7.2.7: the cut's NSEC3, or under opt-out the closest provable encloser proof).
    /// </summary>
    public static void Delegation(ResponseBuilder builder, in LookupName name, ZoneNode cut, int cutIndex)
    {
        var zone = builder.Zone;
        int ds = cut.Find(RecordType.DS);
        if (ds >= 0)
        {
            builder.AddAuthority(cut, ds, withSignatures: true);
        }
        else if (UsesNsec3(zone))
        {
            if (!AddNsec3Matching(builder, name.Suffix(cutIndex)))
                ClosestEncloserProof(builder, name, cutIndex + 1);
        }
        else if (zone.Nsec is not null)
        {
            AddNsec(builder, cut);
        }
    }

    private static bool UsesNsec3(ZoneSnapshot zone) => zone.Nsec3 is not null && (zone.Nsec is null || zone.Apex.Find(RecordType.NSEC3PARAM) >= 0);

    /// <summary>
    /// RFC 5155 §7.2.1: the NSEC3 matching the closest provable encloser (searched from suffix
    /// <paramref name="start"/> up) and the one covering the next closer name. Returns the encloser's
    /// suffix index, or -1 when the chain proves nothing.
    /// </summary>
    private static int ClosestEncloserProof(ResponseBuilder builder, in LookupName name, int start)
    {
        var chain = builder.Zone.Nsec3!;
        Span<byte> hash = stackalloc byte[Nsec3Chain.HashLength];
        for (int i = Math.Max(start, 0); i <= name.RelativeLabels; i++)
        {
            chain.Hash(name.Suffix(i), hash);
            var match = chain.Match(hash);
            if (match is null)
                continue;
            AddNsec3(builder, match);
            if (i > 0)
                AddNsec3Covering(builder, name.Suffix(i - 1));
            return i;
        }
        return -1;
    }

    private static bool AddNsec3Matching(ResponseBuilder builder, ReadOnlySpan<byte> lowercaseName)
    {
        Span<byte> hash = stackalloc byte[Nsec3Chain.HashLength];
        builder.Zone.Nsec3!.Hash(lowercaseName, hash);
        var match = builder.Zone.Nsec3!.Match(hash);
        if (match is not null)
            AddNsec3(builder, match);
        return match is not null;
    }

    private static void AddNsec3Covering(ResponseBuilder builder, ReadOnlySpan<byte> lowercaseName)
    {
        Span<byte> hash = stackalloc byte[Nsec3Chain.HashLength];
        builder.Zone.Nsec3!.Hash(lowercaseName, hash);
        AddNsec3(builder, builder.Zone.Nsec3!.Covering(hash));
    }

    private static void AddNsec3(ResponseBuilder builder, ZoneNode node)
    {
        int set = node.Find(RecordType.NSEC3);
        if (set >= 0)
            builder.AddAuthority(node, set, withSignatures: true);
    }

    private static void AddNsec(ResponseBuilder builder, ZoneNode node)
    {
        int set = node.Find(RecordType.NSEC);
        if (set >= 0)
            builder.AddAuthority(node, set, withSignatures: true);
    }

    /// <summary>"*." in front of <paramref name="name"/> (absolute, or labels relative to the origin).</summary>
    private static ReadOnlySpan<byte> WildcardOf(ReadOnlySpan<byte> name, Span<byte> buffer)
    {
        WildcardLabel.CopyTo(buffer);
        name.CopyTo(buffer[2..]);
        return buffer[..(name.Length + 2)];
    }
}
