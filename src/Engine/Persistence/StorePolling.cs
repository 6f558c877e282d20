namespace SecondaryPortal.Engine.Persistence;

/// <summary>The loop of a service that follows the store: it looks again after every change, or at its poll interval.</summary>
internal static class StorePolling
{
    /// <summary>
    /// Runs <paramref name="look"/> after each change the <paramref name="changes"/> signal sees (at least every poll interval
    /// it allows), or every <paramref name="interval"/> without a signal, until <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task RunAsync(StoreChangeSignal? changes, TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> look,
        CancellationToken cancellationToken)
    {
        if (changes is null)
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await look(cancellationToken);
            return;
        }
        while (true)
        {
            var next = changes.Next; // taken before looking: a change made while looking wakes the next wait at once
            await look(cancellationToken);
            await changes.WaitAsync(next, interval, cancellationToken);
        }
    }
}
