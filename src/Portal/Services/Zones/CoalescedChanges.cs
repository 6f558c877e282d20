namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>
/// Calls a page back after the engine published a change to any zone (or to one zone), at most once per <c>interval</c>:
/// a list over thousands of zones being transferred reloads once a second, not once a transfer, and never more than one
/// reload waits. With no interval (a zone's own page) the reload comes at once, still one at a time. Dispose it with the page.
/// </summary>
public sealed class CoalescedChanges : IDisposable
{
    /// <summary>The pages' default: a second.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    private readonly IDisposable _subscription;
    private readonly Func<Task> _reload;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _disposed = new();
    private int _pending;

    /// <summary>
    /// Subscribes to <paramref name="feed"/>'s changes of <paramref name="origin"/>, or of every zone when it is null;
    /// <paramref name="reload"/> (which should go through the page's <c>InvokeAsync</c>) runs <paramref name="interval"/>
    /// after the first change it has not seen yet.
    /// </summary>
    public CoalescedChanges(ZoneChangeFeed feed, Func<Task> reload, TimeSpan? interval = null, TimeProvider? timeProvider = null,
        string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        _reload = reload ?? throw new ArgumentNullException(nameof(reload));
        _interval = interval ?? DefaultInterval;
        _time = timeProvider ?? TimeProvider.System;
        _subscription = origin is null ? feed.SubscribeToEveryZone(OnChange) : feed.Subscribe(origin, OnChange);
    }

    private void OnChange()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
            _ = ReloadLaterAsync();
    }

    private async Task ReloadLaterAsync()
    {
        try
        {
            if (_interval > TimeSpan.Zero)
                await Task.Delay(_interval, _time, _disposed.Token);
            Volatile.Write(ref _pending, 0); // a change from now on asks for the next reload
            await _reload();
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        catch (ObjectDisposedException)
        {
            // Its circuit went away.
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _subscription.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
