using System.Net;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Events;

/// <summary>
/// One secondary zone's event loop: the events posted to it (timers, NOTIFY, an operator's refresh) are a set, and one
/// worker at a time takes the whole set and handles it, so the zone runs one event at a time, at most one refresh runs
/// and at most one waits, and a flood of NOTIFYs costs one more SOA check, not one per message. Posting never blocks and
/// never waits on a poll: the first post to an idle zone starts its worker on the thread pool at once.
/// </summary>
public sealed class ZoneEventLoop
{
    private readonly Func<ZoneEventLoop, IReadOnlySet<ZoneEvent>, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stop;
    private int _pending;
    private int _running;
    private volatile SecondaryZoneDefinition _definition;
    private volatile ZoneSettings _settings;

    /// <summary>A loop for <paramref name="definition"/>, running <paramref name="handler"/> for each set of events taken.</summary>
    public ZoneEventLoop(SecondaryZoneDefinition definition, ZoneSnapshot? snapshot,
        Func<ZoneEventLoop, IReadOnlySet<ZoneEvent>, CancellationToken, Task> handler, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
        _settings = ZoneSettings.From(definition);
        _handler = handler;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Snapshot = snapshot;
        State = definition.State;
        SeenRefreshRequest = definition.State.RefreshRequest;
        _isDraft = definition.IsDraft;
        _pauseRequested = definition.State.Paused;
        SeenAxfrRequest = definition.State.AxfrRequest;
    }

    private volatile bool _pauseRequested;
    private long _fullTransferWanted;

    /// <summary>
    /// True while an operator wants the zone paused (<see cref="SecondaryZoneState.Paused"/>): no refresh runs, timers and
    /// NOTIFY are ignored; the last copy is served until it expires.
    /// </summary>
    public bool PauseRequested
    {
        get => _pauseRequested;
        internal set => _pauseRequested = value;
    }

    /// <summary>The operator's full-transfer counter last acted on (see <see cref="SecondaryZoneState.AxfrRequest"/>).</summary>
    public long SeenAxfrRequest { get; internal set; }

    /// <summary>
    /// Non-zero while an operator's full transfer is owed: the next refresh transfers by AXFR whatever the serials say. The
    /// value tells requests apart, so one asked for while a transfer ends is not lost (<see cref="FullTransferDone"/>).
    /// </summary>
    public long FullTransferWanted => Interlocked.Read(ref _fullTransferWanted);

    /// <summary>Owes the zone a full transfer (the engine, on an operator's request).</summary>
    internal void WantFullTransfer() => Interlocked.Increment(ref _fullTransferWanted);

    /// <summary>A full transfer asked for as <paramref name="wanted"/> (read before it started) succeeded.</summary>
    internal void FullTransferDone(long wanted) => Interlocked.CompareExchange(ref _fullTransferWanted, 0, wanted);

    private volatile bool _isDraft;

    /// <summary>
    /// True while the zone is a draft of the Add Site wizard: refreshed, stored and logged as usual, but its copies are never
    /// handed to the publisher (nothing is served). Cleared by the engine when it reads that the draft was published.
    /// </summary>
    public bool IsDraft
    {
        get => _isDraft;
        internal set => _isDraft = value;
    }

    /// <summary>The zone's apex.</summary>
    public DnsName Origin => _definition.Origin;

    /// <summary>The zone's primaries, keys and configuration error as last read from the store.</summary>
    public SecondaryZoneDefinition Definition => _definition;

    /// <summary>The zone's refresh state; only the loop's worker changes it.</summary>
    public SecondaryZoneState State { get; }

    /// <summary>The copy served now (the base of the next IXFR), or null before the first transfer.</summary>
    public ZoneSnapshot? Snapshot { get; internal set; }

    /// <summary>Index of the primary the next refresh asks first: after a failure, the one after the primary asked first (the next primary first).</summary>
    public int NextPrimary { get; internal set; }

    /// <summary>The operator's refresh counter last acted on (see <see cref="SecondaryZoneState.RefreshRequest"/>).</summary>
    public long SeenRefreshRequest { get; internal set; }

    /// <summary>The keys a NOTIFY for this zone may be signed with: the keys of its primaries.</summary>
    public TsigKeyring Keyring => _settings.Keyring;

    /// <summary>The zone's writes that run behind the loop (a large transfer served before it is stored, and what follows it).</summary>
    public ZoneStoreQueue Stores { get; } = new();

    /// <summary>True while a worker handles events.</summary>
    public bool IsBusy => Volatile.Read(ref _running) != 0;

    /// <summary>Cancelled when the zone is removed or the engine stops.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>True when <paramref name="address"/> is one of the zone's primaries' (a NOTIFY comes from any port).</summary>
    public bool IsPrimaryAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return _settings.Addresses.Contains(address);
    }

    /// <summary>Adds <paramref name="zoneEvent"/> to the pending set and starts the worker when idle. Never blocks.</summary>
    public void Post(ZoneEvent zoneEvent)
    {
        if (_stop.IsCancellationRequested)
            return;
        Interlocked.Or(ref _pending, 1 << (int)zoneEvent);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static loop => _ = loop.RunAsync(), this, preferLocal: false);
    }

    /// <summary>Takes new primaries or keys read from the store; the state stays the loop's own.</summary>
    internal void UpdateSettings(SecondaryZoneDefinition definition)
    {
        _definition = definition;
        _settings = ZoneSettings.From(definition);
    }

    /// <summary>Stops the loop: pending events are dropped and a running refresh is cancelled.</summary>
    internal void Stop() => _stop.Cancel();

    private async Task RunAsync()
    {
        while (true)
        {
            int pending = Interlocked.Exchange(ref _pending, 0);
            if (pending != 0 && !_stop.IsCancellationRequested)
            {
                await _handler(this, Decode(pending), _stop.Token).ConfigureAwait(false);
                continue;
            }
            Volatile.Write(ref _running, 0);
            // A post between the exchange and the write above found the loop running and did not start a worker.
            if (Volatile.Read(ref _pending) == 0 || _stop.IsCancellationRequested || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
                return;
        }
    }

    private static HashSet<ZoneEvent> Decode(int pending)
    {
        var events = new HashSet<ZoneEvent>();
        foreach (var zoneEvent in Enum.GetValues<ZoneEvent>())
        {
            if ((pending & (1 << (int)zoneEvent)) != 0)
                events.Add(zoneEvent);
        }
        return events;
    }

    /// <summary>What NOTIFY checks need, derived once per settings change.</summary>
    private sealed record ZoneSettings(HashSet<IPAddress> Addresses, TsigKeyring Keyring)
    {
        public static ZoneSettings From(SecondaryZoneDefinition definition)
        {
            var addresses = definition.Primaries.Select(p => p.Server.EndPoint.Address).Select(a => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).ToHashSet();
            var keys = definition.Primaries.Select(p => p.Server.Key).OfType<TsigKey>().DistinctBy(k => k.Name);
            return new ZoneSettings(addresses, new TsigKeyring(keys));
        }
    }
}
