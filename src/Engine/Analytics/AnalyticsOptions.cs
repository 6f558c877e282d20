namespace SecondaryPortal.Engine.Analytics;

/// <summary>How query counts are folded into the store and how long they are kept (configuration section "Analytics").</summary>
public sealed record AnalyticsOptions
{
    /// <summary>How often the responder's counters are folded into the store. A query is filed under the minute of the fold that saw it.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long minute rows are kept; reports over older ranges use the hour rows.</summary>
    public TimeSpan MinuteRetention { get; init; } = TimeSpan.FromDays(2);

    /// <summary>How long hour rows and top names are kept.</summary>
    public TimeSpan HourRetention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How many names per zone, hour and kind the store keeps (the rest of a busy hour's long tail is dropped).</summary>
    public int TopNamesKept { get; init; } = 100;
}
