using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// Finds where a name leads in one zone (RFC 1034 §4.3.2 step 3, with RFC 4592 wildcards and RFC 6672
/// DNAME): one dictionary lookup for a name that exists and is not below a cut or a DNAME; a walk up
/// its labels to the closest encloser otherwise, then down from the apex when a cut or DNAME intervenes.
/// </summary>
internal static class ZoneLookup
{
    private static ReadOnlySpan<byte> WildcardLabel => [1, (byte)'*'];

    /// <summary>
    /// Looks <paramref name="name"/> up in <paramref name="zone"/> for a query of <paramref name="type"/>. At a
    /// name that is itself a zone cut, DS is answered from this, the parent, side (RFC 4035 §3.1.4.1), and so
    /// is the NSEC the parent keeps there (RFC 4035 §2.3); everything else is referred.
    /// </summary>
    public static LookupResult Find(ZoneSnapshot zone, in LookupName name, RecordType type)
    {
        int labels = name.RelativeLabels;
        if (labels == 0)
            return new LookupResult(LookupOutcome.Exact, zone.Apex, 0);
        var node = zone.Node(name.Relative);
        if (node is not null)
        {
            bool parentSide = type == RecordType.DS || (type == RecordType.NSEC && node.Find(RecordType.NSEC) >= 0);
            if ((node.Flags & (NodeFlags.BelowCut | NodeFlags.BelowDname)) != 0 && TryWalkDown(zone, name, 0, parentSide, out var above))
                return above;
            if ((node.Flags & NodeFlags.Delegation) != 0 && !parentSide)
                return new LookupResult(LookupOutcome.Delegation, node, 0);
            return new LookupResult(LookupOutcome.Exact, node, 0);
        }
        int encloser = 1;
        var closest = zone.Apex;
        for (; encloser < labels; encloser++)
        {
            var candidate = zone.Node(name.RelativeSuffix(encloser));
            if (candidate is not null)
            {
                closest = candidate;
                break;
            }
        }
        if ((closest.Flags & (NodeFlags.Delegation | NodeFlags.Dname | NodeFlags.BelowCut | NodeFlags.BelowDname)) != 0
            && TryWalkDown(zone, name, encloser, parentSide: false, out var interrupted))
            return interrupted;
        var wildcard = FindWildcard(zone, name.RelativeSuffix(encloser));
        return wildcard is null
            ? new LookupResult(LookupOutcome.NxDomain, closest, encloser)
            : new LookupResult(LookupOutcome.Wildcard, wildcard, encloser);
    }

    /// <summary>The wildcard node "*" below the node whose key is <paramref name="encloser"/>, or null.</summary>
    public static ZoneNode? FindWildcard(ZoneSnapshot zone, ReadOnlySpan<byte> encloser)
    {
        Span<byte> key = stackalloc byte[2 + encloser.Length];
        WildcardLabel.CopyTo(key);
        encloser.CopyTo(key[2..]);
        return zone.Node(key);
    }

    /// <summary>
    /// Walks from the apex down to suffix <paramref name="stop"/>, returning the first zone cut (not the
    /// apex) or DNAME (at a proper ancestor of the name) met on the way (RFC 1034 §4.3.2 step 3b).
    /// </summary>
    private static bool TryWalkDown(ZoneSnapshot zone, in LookupName name, int stop, bool parentSide, out LookupResult result)
    {
        for (int i = name.RelativeLabels; i >= stop; i--)
        {
            var node = i == name.RelativeLabels ? zone.Apex : zone.Node(name.RelativeSuffix(i));
            if (node is null)
                continue;
            if ((node.Flags & NodeFlags.Delegation) != 0 && !(i == 0 && parentSide))
            {
                result = new LookupResult(LookupOutcome.Delegation, node, i);
                return true;
            }
            if ((node.Flags & NodeFlags.Dname) != 0 && i > 0)
            {
                result = new LookupResult(LookupOutcome.Dname, node, i);
                return true;
            }
        }
        result = default;
        return false;
    }
}
