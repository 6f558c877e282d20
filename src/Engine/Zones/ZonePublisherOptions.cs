namespace SecondaryPortal.Engine.Zones;

/// <summary>How <see cref="ZonePublisher"/> follows the store.</summary>
public sealed record ZonePublisherOptions
{
    /// <summary>
    /// How often the store's change version is read (one single-row query). A zone changed by another
    /// process, such as an import from the command line, is served at most this long (plus its load time)
    /// later; half a second keeps issue 3's "picked up within a second" with room for the load.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
