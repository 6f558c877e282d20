using SecondaryPortal.Engine.Memory;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>
/// Reads when a quiet server gives a burst's garbage back from the <c>Memory</c> section: ReclaimAfterBursts,
/// CheckInterval (a TimeSpan, "00:00:30"), BurstMegabytes, QuietMegabytes, MaxLiveMegabytes. A bad value stops the
/// start with a message naming its key.
/// </summary>
public static class MemoryConfiguration
{
    /// <summary>The options, defaults for keys not set.</summary>
    public static MemoryReclaimOptions Options(IConfiguration configuration)
    {
        var options = SettingsSection.Read<MemoryReclaimOptions>(configuration, "Memory");
        Require(options.CheckInterval > TimeSpan.Zero, "CheckInterval", "must be longer than zero");
        Require(options.BurstMegabytes >= 1, "BurstMegabytes", "must be at least 1");
        Require(options.QuietMegabytes >= 0 && options.QuietMegabytes < options.BurstMegabytes, "QuietMegabytes",
            "must be at least 0 and less than BurstMegabytes");
        Require(options.MaxLiveMegabytes >= 0, "MaxLiveMegabytes", "must be at least 0");
        return options;
    }

    private static void Require(bool condition, string key, string rule) =>
        SettingsSection.Require(condition, "Memory", key, rule);
}
