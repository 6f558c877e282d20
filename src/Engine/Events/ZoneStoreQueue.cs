namespace SecondaryPortal.Engine.Events;

/// <summary>
/// The writes of one zone that run behind its event loop, one at a time and in the order they were queued: a copy served
/// before it is stored (a large transfer), and every write of the zone after it until the queue is empty, so that the store
/// always moves through the zone's versions in order while the responder already serves the newest. A write catches and
/// reports its own failures; the queue only orders them.
/// </summary>
public sealed class ZoneStoreQueue
{
    private readonly Lock _lock = new();
    private Task _tail = Task.CompletedTask;
    private int _pending;

    /// <summary>True while a queued write has not finished: the zone's next writes must queue behind it.</summary>
    public bool IsBusy => Volatile.Read(ref _pending) != 0;

    /// <summary>
    /// Set by a write that failed, cleared by one that stored the zone whole: while set, the store holds an older copy than
    /// the diffs of the next write start from, so that write must replace every row rather than patch them. Only the queued
    /// writes, which run one at a time, read and set it.
    /// </summary>
    public bool RowsBehind { get; set; }

    /// <summary>Completes when every write queued so far has finished.</summary>
    public Task Drained
    {
        get
        {
            lock (_lock)
                return _tail;
        }
    }

    /// <summary>Queues <paramref name="write"/> to run after the writes queued before it; it must not throw.</summary>
    public void Enqueue(Func<Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Interlocked.Increment(ref _pending);
        lock (_lock)
            _tail = RunAfterAsync(_tail, write);
    }

    private async Task RunAfterAsync(Task previous, Func<Task> write)
    {
        try
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // a write reports its own failure; the next still runs
            // Never on the thread that queued it: SQLite's async calls complete synchronously, so a write waiting on a locked
            // store would hold the zone's loop with it. Nor on a thread of the pool: storing a large zone holds its thread for
            // seconds, and with the pool's few threads taken, a NOTIFY waited for the pool to add one (about 0.5 s).
            await Task.Factory.StartNew(write, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }
}
