using System.Buffers.Binary;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// The authoritative answer algorithm of RFC 1034 §4.3.2 over a <see cref="ZoneSnapshot"/>: exact match,
/// CNAME chains, DNAME substitution (RFC 6672), wildcards (RFC 4592), referrals, negative answers
/// (RFC 2308) and, for DO queries of signed zones, signatures and denial proofs (RFC 4035, RFC 5155).
/// </summary>
internal static class QueryResolver
{
    /// <summary>
    /// CNAME and DNAME links followed before giving up with SERVFAIL (the answer then holds the chain so
    /// far), as BIND 9 does: it restarts a query at most 11 times. A loop ends the same way, at once. A
    /// chain is only followed inside the zone that answers the first name, as BIND does: the AA bit and
    /// the negative answer's SOA speak for that zone alone.
    /// </summary>
    public const int MaxChainLength = 11;

    private enum Step : byte
    {
        Done,
        Follow,
    }

    /// <summary>Fills <paramref name="builder"/> for its query and returns the RCODE.</summary>
    public static DnsRcode Resolve(ResponseBuilder builder, ZoneTable table, ZoneEntry entry, bool tcp, AnyPolicy anyPolicy, out bool authoritative)
    {
        authoritative = true;
        Span<int> visited = stackalloc int[(MaxChainLength + 1) * 2];
        int nameOffset = 0, nameLength = builder.QueryNameLength;
        for (int link = 0; ; link++)
        {
            visited[link * 2] = nameOffset;
            visited[link * 2 + 1] = nameLength;
            var step = Answer(builder, nameOffset, nameLength, link == 0, tcp, anyPolicy, ref authoritative, out var rcode, out nameOffset, out nameLength);
            if (step == Step.Done)
                return rcode;
            if (link >= MaxChainLength || Revisits(builder, visited[..((link + 1) * 2)], nameOffset, nameLength))
                return DnsRcode.ServFail;
            if (!InSameZone(builder, table, entry, nameOffset, nameLength))
                return DnsRcode.NoError;
        }
    }

    private static Step Answer(ResponseBuilder builder, int nameOffset, int nameLength, bool first, bool tcp, AnyPolicy anyPolicy,
        ref bool authoritative, out DnsRcode rcode, out int nextOffset, out int nextLength)
    {
        var zone = builder.Zone;
        Span<byte> lower = stackalloc byte[nameLength];
        Span<byte> offsets = stackalloc byte[NameLabels.MaxLabels];
        NameLabels.ToLower(builder.NameAt(nameOffset, nameLength), lower);
        int labels = NameLabels.Offsets(lower, offsets);
        var name = new LookupName(lower, offsets, labels, zone.OriginLower.Length, zone.Origin.LabelCount);
        var found = ZoneLookup.Find(zone, name, builder.QueryType);
        nextOffset = nextLength = 0;
        rcode = DnsRcode.NoError;
        switch (found.Outcome)
        {
            case LookupOutcome.Exact:
                return AnswerAt(builder, name, found.Node, -1, nameOffset, nameLength, tcp, anyPolicy, out nextOffset, out nextLength);
            case LookupOutcome.Wildcard:
                return AnswerAt(builder, name, found.Node, found.Index, nameOffset, nameLength, tcp, anyPolicy, out nextOffset, out nextLength);
            case LookupOutcome.Delegation:
                Refer(builder, name, found.Node, found.Index);
                authoritative &= !first;
                return Step.Done;
            case LookupOutcome.Dname:
                return Substitute(builder, name, found.Node, found.Index, nameOffset, nameLength, out rcode, out nextOffset, out nextLength);
            default:
                builder.AddNegativeSoa(nameError: true);
                if (builder.Dnssec)
                    DenialProofs.NameError(builder, name, found.Index);
                rcode = DnsRcode.NXDomain;
                return Step.Done;
        }
    }

    /// <summary>
    /// Answers at an existing node, or at a wildcard when <paramref name="encloser"/> is not -1 (the
    /// records then take the query name as owner, RFC 4592 §3.3.1, and DO answers prove that the name
    /// itself does not exist, RFC 4035 §3.1.3.3).
    /// </summary>
    private static Step AnswerAt(ResponseBuilder builder, in LookupName name, ZoneNode node, int encloser, int ownerOffset, int ownerLength,
        bool tcp, AnyPolicy anyPolicy, out int nextOffset, out int nextLength)
    {
        nextOffset = nextLength = 0;
        var type = builder.QueryType;
        bool answered;
        int cname = -1;
        if (type == RecordType.ANY)
        {
            answered = AnswerAny(builder, node, ownerOffset, ownerLength, tcp, anyPolicy);
        }
        else if (type == RecordType.RRSIG)
        {
            answered = AnswerSignatures(builder, node, ownerOffset, ownerLength, tcp, anyPolicy);
        }
        else
        {
            int set = node.Find(type);
            answered = set >= 0;
            if (answered)
            {
                builder.AddAnswer(node, set, ownerOffset, ownerLength, builder.Dnssec);
                AdditionalSection.AddForAnswer(builder, node, set);
            }
            else if ((node.Flags & NodeFlags.Cname) != 0 && FollowsCname(type))
            {
                cname = node.Find(RecordType.CNAME);
                builder.AddAnswer(node, cname, ownerOffset, ownerLength, builder.Dnssec);
                answered = true;
            }
        }
        if (!answered)
        {
            builder.AddNegativeSoa();
            if (builder.Dnssec)
            {
                if (encloser < 0)
                    DenialProofs.NoData(builder, name, node);
                else
                    DenialProofs.WildcardNoData(builder, name, encloser, node);
            }
            return Step.Done;
        }
        if (encloser >= 0 && builder.Dnssec)
            DenialProofs.WildcardAnswer(builder, name, encloser);
        if (cname < 0)
            return Step.Done;
        var target = node.Sets[cname].FirstRdata;
        if (!builder.TryStoreName(target, out nextOffset))
            return Step.Done;
        nextLength = target.Length;
        return Step.Follow;
    }

    /// <summary>
    /// QTYPE RRSIG: the node's signatures, every covered type, without following a CNAME. Under the
    /// minimal policy one RRSIG RRset over UDP, as for ANY (BIND's minimal-any does the same).
    /// </summary>
    private static bool AnswerSignatures(ResponseBuilder builder, ZoneNode node, int ownerOffset, int ownerLength, bool tcp, AnyPolicy anyPolicy)
    {
        bool answered = false;
        for (int i = 0; i < node.Sets.Length; i++)
        {
            if (node.Sets[i].Type != RecordType.RRSIG)
                continue;
            builder.AddAnswer(node, i, ownerOffset, ownerLength, withSignatures: false);
            answered = true;
            if (anyPolicy == AnyPolicy.MinimalOverUdp && !tcp)
                break;
        }
        return answered;
    }

    /// <summary>
    /// False for CNAME itself and for the types that may sit beside a CNAME and are never redirected by it:
    /// RRSIG and NSEC (RFC 4035 §2.5), KEY (RFC 3007 §3), as BIND 9 treats them.
    /// </summary>
    private static bool FollowsCname(RecordType type) =>
        type is not (RecordType.CNAME or RecordType.RRSIG or RecordType.NSEC or RecordType.KEY);

    /// <summary>ANY: one RRset over UDP under the minimal policy (RFC 8482 §4.1), otherwise every RRset, RRSIG and NSEC included.</summary>
    private static bool AnswerAny(ResponseBuilder builder, ZoneNode node, int ownerOffset, int ownerLength, bool tcp, AnyPolicy anyPolicy)
    {
        var sets = node.Sets;
        if (sets.Length == 0)
            return false;
        if (anyPolicy == AnyPolicy.MinimalOverUdp && !tcp)
        {
            int chosen = 0;
            while (chosen < sets.Length && sets[chosen].Type is RecordType.RRSIG or RecordType.NSEC)
                chosen++;
            builder.AddAnswer(node, chosen < sets.Length ? chosen : 0, ownerOffset, ownerLength, builder.Dnssec);
            return true;
        }
        for (int i = 0; i < sets.Length; i++)
            builder.AddAnswer(node, i, ownerOffset, ownerLength, withSignatures: false);
        return true;
    }

    /// <summary>A referral: the cut's NS in authority, with the DS or its absence proven when DO is set, and glue.</summary>
    private static void Refer(ResponseBuilder builder, in LookupName name, ZoneNode cut, int cutIndex)
    {
        int ns = cut.Find(RecordType.NS);
        builder.AddAuthority(cut, ns, withSignatures: false);
        if (builder.Dnssec)
            DenialProofs.Delegation(builder, name, cut, cutIndex);
        AdditionalSection.AddGlue(builder, cut, ns);
    }

    /// <summary>
    /// DNAME substitution (RFC 6672 §3.1): the DNAME, then a CNAME from the query name to the name with
    /// the DNAME's owner replaced by its target, with the DNAME's TTL; YXDOMAIN when that name is too long.
    /// </summary>
    private static Step Substitute(ResponseBuilder builder, in LookupName name, ZoneNode owner, int ownerIndex, int nameOffset, int nameLength,
        out DnsRcode rcode, out int nextOffset, out int nextLength)
    {
        nextOffset = nextLength = 0;
        int dname = owner.Find(RecordType.DNAME);
        builder.AddAnswer(owner, dname, -1, 0, builder.Dnssec);
        var target = owner.Sets[dname].FirstRdata;
        int prefix = name.SuffixStart(ownerIndex);
        int length = prefix + target.Length;
        if (length > DnsName.MaxWireLength)
        {
            rcode = DnsRcode.YXDomain;
            return Step.Done;
        }
        rcode = DnsRcode.NoError;
        if (!builder.TryReserve(length + 2, out int dataOffset, out var data))
            return Step.Done;
        BinaryPrimitives.WriteUInt16BigEndian(data, (ushort)length);
        builder.NameAt(nameOffset, prefix).CopyTo(data[2..]);
        target.CopyTo(data[(2 + prefix)..]);
        builder.AddSynthesizedCname(nameOffset, nameLength, dataOffset, length + 2, owner.Sets[dname].Ttl);
        if (builder.QueryType is RecordType.CNAME or RecordType.ANY)
            return Step.Done; // the synthesized CNAME is the answer asked for
        nextOffset = dataOffset + 2;
        nextLength = length;
        return Step.Follow;
    }

    private static bool Revisits(ResponseBuilder builder, ReadOnlySpan<int> visited, int offset, int length)
    {
        var name = builder.NameAt(offset, length);
        for (int i = 0; i < visited.Length; i += 2)
        {
            if (DnsName.AsciiEqualsIgnoreCase(builder.NameAt(visited[i], visited[i + 1]), name))
                return true;
        }
        return false;
    }

    private static bool InSameZone(ResponseBuilder builder, ZoneTable table, ZoneEntry entry, int offset, int length)
    {
        Span<byte> lower = stackalloc byte[length];
        Span<byte> offsets = stackalloc byte[NameLabels.MaxLabels];
        NameLabels.ToLower(builder.NameAt(offset, length), lower);
        int labels = NameLabels.Offsets(lower, offsets);
        return ReferenceEquals(table.Find(lower, offsets, labels), entry);
    }
}
