namespace SecondaryPortal.Engine.Records;

/// <summary>The outcome of <see cref="ZoneRecordBrowser.PageAsync"/>.</summary>
/// <param name="Status">Whether the zone's records could be read.</param>
/// <param name="Page">The page; null unless <see cref="RecordBrowseStatus.Found"/>.</param>
/// <param name="Serial">The zone's stored SOA serial.</param>
/// <param name="Version">The zone's change version the page was read at (pass it back to the record editor).</param>
/// <param name="Message">One line fit to show a user.</param>
public sealed record RecordBrowseResult(RecordBrowseStatus Status, RecordPage? Page, uint Serial, long Version, string Message);
