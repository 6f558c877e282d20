
namespace SecondaryPortal.Engine.Persistence;

/// <summary>One line of a secondary zone's transfer history; the last <c>Transfers:TransferLogLimit</c> per zone are kept.</summary>
public sealed class TransferLogEntry
{
    /// <summary>Surrogate key; grows with time.</summary>
    public long Id { get; set; }

    /// <summary>The zone.</summary>
    public long ZoneId { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The primary asked ("192.0.2.1:53", with the key name when signed).</summary>
    public required string Primary { get; set; }

    /// <summary>What happened.</summary>
    public TransferLogKind Kind { get; set; }

    /// <summary>The serial seen or transferred, when known.</summary>
    public long? Serial { get; set; }

    /// <summary>Records received.</summary>
    public long Records { get; set; }

    /// <summary>Octets received.</summary>
    public long Bytes { get; set; }

    /// <summary>How long it took, in milliseconds.</summary>
    public long DurationMs { get; set; }

    /// <summary>The error in words, for <see cref="TransferLogKind.Failed"/>; warnings of an accepted transfer otherwise.</summary>
    public string? Error { get; set; }

    /// <summary>
    /// Records the transfer added to the copy served: an IXFR's additions; for an AXFR, the records not in the previous
    /// copy (all of them for a first transfer). Zero for a line that transferred nothing.
    /// </summary>
    public int Added { get; set; }

    /// <summary>Records the transfer removed from the copy served (an IXFR's deletions, or what an AXFR no longer holds).</summary>
    public int Removed { get; set; }

    /// <summary>
    /// The first changed records in presentation form, one a line, "+ " for added and "- " for removed (at most
    /// 20 lines, then a line that says how many more); null when nothing changed
    /// or the transfer was a first one.
    /// </summary>
    public string? Changes { get; set; }
}
