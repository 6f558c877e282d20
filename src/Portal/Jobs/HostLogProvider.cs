using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace SecondaryPortal.Portal.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide; this one hands out the host's loggers and, once that host is gone (its logger
/// factory disposed, as when several hosts run in one process one after another), loggers that drop what they are given
/// instead of failing the job store's connection that asked for one.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _host = new(loggerFactory);

    /// <inheritdoc/>
    public ILog GetLogger(string name)
    {
        try
        {
            return _host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return DroppingLog.Instance;
        }
    }

    private sealed class DroppingLog : ILog
    {
        public static readonly DroppingLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
