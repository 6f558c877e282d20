namespace SecondaryPortal.Dns.Outbound;

/// <summary>How <see cref="ZoneTransferResponder"/> packs its answers.</summary>
public sealed record ZoneTransferResponderOptions
{
    /// <summary>The default message size: 16 KiB.</summary>
    public const int DefaultMessageSize = 16 * 1024;

    /// <summary>
    /// Records are added to a transfer message until it holds at least this many octets (a record that does
    /// not fit in what is left of 65,535 octets starts the next message). 16 KiB by default: a few hundred
    /// records a message, so the per-message costs (header, TSIG, one write) are negligible, while the name
    /// compression table, which remembers 96 names per message, saves most of what it can within the first
    /// few KiB. From 512 to 65,535.
    /// </summary>
    public int MessageSize { get; init; } = DefaultMessageSize;

    /// <summary>
    /// An IXFR whose diffs hold more records than the zone itself is answered with the whole zone instead
    /// (AXFR-style, RFC 1995 §4), as BIND does: it is the smaller answer. On by default.
    /// </summary>
    public bool FullZoneWhenSmaller { get; init; } = true;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MessageSize"/> is outside 512..65,535.</exception>
    public void Validate()
    {
        if (MessageSize is < 512 or > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(MessageSize), MessageSize, "a transfer message size is from 512 to 65535 octets");
    }
}
