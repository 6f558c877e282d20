namespace SecondaryPortal.Portal.Services.Primaries;

/// <summary>A zone that transfers from a saved primary (same address and port).</summary>
/// <param name="ZoneId">The zone's id.</param>
/// <param name="Origin">The zone's apex (punycode).</param>
/// <param name="DisplayName">The apex as people read it.</param>
public sealed record PrimaryZoneUse(long ZoneId, string Origin, string DisplayName);
