using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>One zone as the zone list (and the zone page's live status) shows it.</summary>
/// <param name="Id">The zone's id (the key of its page and of every action).</param>
/// <param name="Origin">The apex in punycode presentation form ("xn--mnchen-3ya.example.").</param>
/// <param name="DisplayName">The apex as people read it (Unicode for an IDN, else as <paramref name="Origin"/>).</param>
/// <param name="Kind">Authoritative or secondary.</param>
/// <param name="Status">The status badge.</param>
/// <param name="Serial">The serial we hold (stored), or null before a secondary zone's first transfer.</param>
/// <param name="PrimarySerial">The newest serial a primary answered with, or null (authoritative zone, or never answered).</param>
/// <param name="RecordCount">Records stored.</param>
/// <param name="LastTransferAt">When records last arrived by transfer (secondary) or were changed (authoritative).</param>
/// <param name="NextRefreshAt">When the next refresh is due (secondary, not paused).</param>
/// <param name="LastError">What went wrong at the last refresh, in plain words; null when it worked.</param>
/// <param name="OwnerId">The owning account's id (null: made from the command line).</param>
public sealed record ZoneListRow(
    long Id,
    string Origin,
    string DisplayName,
    ZoneKind Kind,
    ZoneDisplayStatus Status,
    uint? Serial,
    uint? PrimarySerial,
    int RecordCount,
    DateTimeOffset? LastTransferAt,
    DateTimeOffset? NextRefreshAt,
    string? LastError,
    string? OwnerId)
{
    /// <summary>True when the primary holds a newer serial than ours (RFC 1982 arithmetic).</summary>
    public bool IsBehind => Serial is { } ours && PrimarySerial is { } theirs && new Dns.Wire.SerialNumber(theirs).IsNewerThan(new Dns.Wire.SerialNumber(ours));
}
