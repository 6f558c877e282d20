namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>A zone exported as a master file (RFC 1035 §5).</summary>
/// <param name="FileName">A file name for the download ("example.com.zone").</param>
/// <param name="Text">The zone file, with $ORIGIN and one record a line.</param>
/// <param name="RecordCount">How many records it holds.</param>
public sealed record ZoneExportFile(string FileName, string Text, int RecordCount);
