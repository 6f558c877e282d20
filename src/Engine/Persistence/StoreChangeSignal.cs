using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Tells the store's pollers (the publisher, the transfer engine's settings, the TSIG keyring, the NOTIFY service) that the
/// store may have changed, so that they look at once instead of every half second: the SQLite file and its write-ahead log
/// are watched (inotify on Linux), which sees every writer, this process and the command line alike. An idle server then
/// wakes only for the fallback poll (<see cref="WatchedPollInterval"/>, for an event the kernel dropped), and a zone added
/// from the command line is acted on within milliseconds. Where the files cannot be watched (the inotify limit reached),
/// the pollers keep their configured intervals.
/// </summary>
public sealed partial class StoreChangeSignal : IDisposable
{
    /// <summary>
    /// How long a poller waits at most while the files are watched. Long: a queue overflow, the kernel's one way of losing
    /// events, raises the watcher's error event, which signals at once; each poll costs an idle server four queries.
    /// </summary>
    public static readonly TimeSpan WatchedPollInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Events closer together than this are one signal: a large write (a million rows stored) touches the log thousands of
    /// times a second, and each signal costs every poller a version query.
    /// </summary>
    private static readonly TimeSpan Coalescing = TimeSpan.FromMilliseconds(20);

    private readonly FileSystemWatcher? _watcher;
    private readonly TimeProvider _time;
    private TaskCompletionSource _next = NewSignal();
    private int _armed;

    /// <summary>Watches the files of the store in <paramref name="settings"/>, when it is a SQLite file.</summary>
    public StoreChangeSignal(StoreSettings settings, TimeProvider timeProvider, ILogger<StoreChangeSignal> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _time = timeProvider;
        if (settings.Provider != StoreProvider.Sqlite)
            return;
        string path = Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
        try
        {
            _watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*")
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
            };
            _watcher.Changed += (_, _) => Arm();
            _watcher.Created += (_, _) => Arm();
            _watcher.Error += (_, _) => Arm(); // events were lost: look now
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            _watcher?.Dispose();
            _watcher = null;
            LogNotWatching(logger, path, e.Message);
        }
    }

    /// <summary>True while the store's files are watched.</summary>
    public bool IsWatching => _watcher is not null;

    /// <summary>
    /// Completes at the next change after now. Take it before looking at the store and wait on it after, so that a change
    /// made while looking is not missed.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>The longest a poller configured for <paramref name="configured"/> waits: longer while the files are watched.</summary>
    public TimeSpan PollInterval(TimeSpan configured) => IsWatching && configured < WatchedPollInterval ? WatchedPollInterval : configured;

    /// <summary>Waits until <paramref name="next"/> (see <see cref="Next"/>) completes or the poll interval passes.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task WaitAsync(Task next, TimeSpan configured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(next, Task.Delay(PollInterval(configured), _time, waiting.Token)).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Signals a change now (an in-process writer that wants the pollers to look without waiting for the file event).</summary>
    public void Signal() => Interlocked.Exchange(ref _next, NewSignal()).TrySetResult();

    /// <inheritdoc/>
    public void Dispose() => _watcher?.Dispose();

    private void Arm()
    {
        if (Interlocked.Exchange(ref _armed, 1) == 0)
            _ = SignalSoonAsync();
    }

    private async Task SignalSoonAsync()
    {
        await Task.Delay(Coalescing).ConfigureAwait(false); // real time: it paces file events, whatever clock the pollers use
        Volatile.Write(ref _armed, 0);
        Signal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store's files ({Path}) cannot be watched ({Reason}); changes are found by polling")]
    private static partial void LogNotWatching(ILogger logger, string path, string reason);
}
