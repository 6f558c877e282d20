using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>One check or transfer of a secondary zone.</summary>
/// <param name="At">When it ended.</param>
/// <param name="Primary">The primary asked ("192.0.2.1:53", with the key name when signed).</param>
/// <param name="Kind">SOA check, IXFR, AXFR, up to date or failed.</param>
/// <param name="Serial">The serial seen or transferred.</param>
/// <param name="Records">Records received.</param>
/// <param name="Bytes">Octets received.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Error">The error for a failure; warnings of an accepted transfer otherwise.</param>
/// <param name="Added">Records added to the copy served.</param>
/// <param name="Removed">Records removed from it.</param>
/// <param name="Changes">The first changed records, one a line ("+ " added, "- " removed); null when none are listed.</param>
public sealed record TransferHistoryRow(DateTimeOffset At, string Primary, TransferLogKind Kind, long? Serial, long Records, long Bytes, TimeSpan Duration,
    string? Error, int Added, int Removed, string? Changes)
{
    /// <summary>True for a line that records a failure.</summary>
    public bool Failed => Kind == TransferLogKind.Failed;
}
