using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>
/// Tells open pages that a zone they show changed: fed by <see cref="ZonePublisher.Published"/> (every change to what the
/// responder serves, from a transfer, an edit, a load or a removal), so a page updates when the engine reports a change
/// instead of polling the store. Callbacks run on the thread pool, never on the publisher's
/// thread, and should only queue their work (a component's <c>InvokeAsync</c>). With no subscriber a publication costs one read of a counter.
/// </summary>
public sealed class ZoneChangeFeed : IDisposable
{
    private readonly ZonePublisher _publisher;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Action[]> _subscribers = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Subscribes to <paramref name="publisher"/>'s publications.</summary>
    public ZoneChangeFeed(ZonePublisher publisher)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        _publisher = publisher;
        _publisher.Published += OnPublished;
    }

    /// <summary>The key the subscriptions to every zone are kept under: no zone's key (the root's is ".").</summary>
    private const string EveryZone = "";

    /// <summary>How many subscriptions are open (every zone together).</summary>
    public int SubscriberCount => Volatile.Read(ref _count);

    /// <summary>
    /// Calls <paramref name="onChange"/> after each change published for zone <paramref name="origin"/> (presentation form,
    /// as <see cref="ZoneDetail.Origin"/>), until the returned subscription is disposed.
    /// </summary>
    public IDisposable Subscribe(string origin, Action onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        return Add(ZoneStore.OriginKey(DnsName.Parse(origin)), onChange);
    }

    /// <summary>
    /// Calls <paramref name="onChange"/> after each change published for any zone (a list of zones, a dashboard), until the
    /// returned subscription is disposed. Pair it with <see cref="CoalescedChanges"/> where thousands of zones may change.
    /// </summary>
    public IDisposable SubscribeToEveryZone(Action onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        return Add(EveryZone, onChange);
    }

    private Subscription Add(string key, Action onChange)
    {
        lock (_lock)
        {
            _subscribers[key] = _subscribers.TryGetValue(key, out var existing) ? [.. existing, onChange] : [onChange];
            _count++;
        }
        return new Subscription(this, key, onChange);
    }

    private void Unsubscribe(string key, Action onChange)
    {
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(key, out var existing))
                return;
            int at = Array.IndexOf(existing, onChange);
            if (at < 0)
                return;
            if (existing.Length == 1)
                _subscribers.Remove(key);
            else
                _subscribers[key] = [.. existing[..at], .. existing[(at + 1)..]];
            _count--;
        }
    }

    private void OnPublished(DnsName origin)
    {
        if (Volatile.Read(ref _count) == 0)
            return;
        Action[]? callbacks;
        string key = ZoneStore.OriginKey(origin);
        lock (_lock)
        {
            var ofZone = _subscribers.GetValueOrDefault(key);
            var ofEvery = _subscribers.GetValueOrDefault(EveryZone);
            callbacks = ofZone is null ? ofEvery : ofEvery is null ? ofZone : [.. ofZone, .. ofEvery];
        }
        if (callbacks is null)
            return;
        // The arrays are replaced, never changed. The callbacks run on the thread pool, never on the publisher's thread: a
        // component's InvokeAsync may run its work inline when its circuit is idle, and that work reads the store.
        ThreadPool.UnsafeQueueUserWorkItem(static callbacks =>
        {
            foreach (var callback in callbacks)
                callback();
        }, callbacks, preferLocal: false);
    }

    /// <inheritdoc/>
    public void Dispose() => _publisher.Published -= OnPublished;

    private sealed class Subscription(ZoneChangeFeed feed, string key, Action onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                feed.Unsubscribe(key, onChange);
        }
    }
}
