namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// The owners of a zone's NSEC records in canonical order (RFC 4034 §6.1), to find the NSEC that covers
/// a name that does not exist (RFC 4035 §3.1.3) by binary search.
/// </summary>
internal sealed class NsecChain(ZoneNode[] owners)
{
    private readonly ZoneNode[] _owners = owners;

    /// <summary>The owners, in canonical order.</summary>
    public ZoneNode[] Owners => _owners;

    /// <summary>
    /// The node whose NSEC matches or covers <paramref name="name"/> (lowercase labels relative to the
    /// origin): the greatest owner not after it. The apex sorts first, so one always exists.
    /// </summary>
    public ZoneNode Covering(ReadOnlySpan<byte> name)
    {
        int low = 0, high = _owners.Length - 1, found = _owners.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            if (NameLabels.Compare(_owners[middle].Key, name) <= 0)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return _owners[found];
    }
}
