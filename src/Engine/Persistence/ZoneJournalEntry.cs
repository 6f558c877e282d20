namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// One change of an authoritative zone, kept to answer IXFR (RFC 1995): the diff from one serial to the next,
/// stored compactly (encoded by the journal's <c>JournalDiffCodec</c>). Rows are written once and never changed, only
/// deleted, oldest first, when the zone's journal outgrows its bound.
/// </summary>
public sealed class ZoneJournalEntry
{
    /// <summary>Surrogate key; increasing, so also the order the changes were made in.</summary>
    public long Id { get; set; }

    /// <summary>The zone changed.</summary>
    public long ZoneId { get; set; }

    /// <summary>The serial the change starts from (a 32-bit unsigned value).</summary>
    public long FromSerial { get; set; }

    /// <summary>The serial the change leads to (a 32-bit unsigned value).</summary>
    public long ToSerial { get; set; }

    /// <summary>The encoded diff.</summary>
    public required byte[] Data { get; set; }

    /// <summary>Octets of <see cref="Data"/>, kept so the journal's size is summed without reading the diffs.</summary>
    public int Size { get; set; }

    /// <summary>When the change was stored.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
