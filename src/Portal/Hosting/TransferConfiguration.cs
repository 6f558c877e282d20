using SecondaryPortal.Engine.Events;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>
/// Reads the transfer engine's settings from the <c>Transfers</c> section (MinRefresh, MaxRefresh, MinRetry, MaxRetry,
/// MinExpire, MaxExpire as TimeSpans such as "00:01:00"; Jitter; ConfigPollInterval; MaxConcurrentRefreshes;
/// TransferLogLimit). A bad value stops the start with a message naming its key.
/// </summary>
public static class TransferConfiguration
{
    /// <summary>The options, defaults for keys not set.</summary>
    public static TransferOptions Options(IConfiguration configuration)
    {
        var options = SettingsSection.Read<TransferOptions>(configuration, "Transfers");
        options.Validate();
        return options;
    }
}
