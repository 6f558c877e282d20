namespace SecondaryPortal.Engine.Persistence;

/// <summary>A serial a primary answered a SOA query with, to store as its last seen serial.</summary>
/// <param name="PrimaryId">The primary's row.</param>
/// <param name="Serial">The serial (RFC 1982 numbers are 32-bit unsigned).</param>
/// <param name="At">When it answered.</param>
public readonly record struct PrimarySerial(long PrimaryId, uint Serial, DateTimeOffset At);
