namespace SecondaryPortal.Dns.Analytics;

/// <summary>Settings of the query counters: what every count is labelled with and how many names each zone's sketch keeps.</summary>
public sealed record QueryCountingOptions
{
    /// <summary>The node's region, attached to every count (configuration Dns:Region).</summary>
    public string Region { get; init; } = "local";

    /// <summary>The networks that give a client its region (configuration Analytics:ClientRegions).</summary>
    public ClientRegionMap ClientRegions { get; init; } = ClientRegionMap.Empty;

    /// <summary>Names kept per zone in each top-name sketch (configuration Analytics:TopNames); 0 keeps no top names.</summary>
    public int TopNamesCapacity { get; init; } = SpaceSavingSketch.DefaultCapacity;
}
