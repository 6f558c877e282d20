namespace SecondaryPortal.Engine.Outbound;

/// <summary>A journal row as held in memory: its zone, its serials and its encoded diff.</summary>
internal sealed record CachedJournalEntry(long Id, long ZoneId, uint FromSerial, uint ToSerial, byte[] Data);
