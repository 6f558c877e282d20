using System.Net;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Events;

/// <summary>
/// What the transfer engine knows of one secondary zone while it runs it: its settings (primaries, keys), the copy served,
/// the refresh state it stores (<see cref="Persisted"/>), the operator's requests acted on, the pause and draft flags and
/// the writes queued behind its loop. The zone's <see cref="ZoneEventLoop"/> only orders the events; the handlers it runs
/// receive this state and change it, one at a time. The NOTIFY handler reads <see cref="Keyring"/>,
/// <see cref="IsPrimaryAddress"/> and <see cref="Snapshot"/> from any thread, without a lock.
/// </summary>
public sealed class ZoneRuntimeState
{
    private volatile SecondaryZoneDefinition _definition;
    private volatile ZoneSettings _settings;
    private volatile bool _pauseRequested;
    private volatile bool _isDraft;
    private long _fullTransferWanted;

    /// <summary>The state of <paramref name="definition"/> as read from the store, serving <paramref name="snapshot"/> (null before the first transfer).</summary>
    public ZoneRuntimeState(SecondaryZoneDefinition definition, ZoneSnapshot? snapshot)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
        _settings = ZoneSettings.From(definition);
        Snapshot = snapshot;
        Persisted = definition.State;
        SeenRefreshRequest = definition.State.RefreshRequest;
        SeenAxfrRequest = definition.State.AxfrRequest;
        _isDraft = definition.IsDraft;
        _pauseRequested = definition.State.Paused;
    }

    /// <summary>The zone's apex.</summary>
    public DnsName Origin => _definition.Origin;

    /// <summary>The zone's primaries, keys and configuration error as last read from the store.</summary>
    public SecondaryZoneDefinition Definition => _definition;

    /// <summary>The keys a NOTIFY for this zone may be signed with: the keys of its primaries.</summary>
    public TsigKeyring Keyring => _settings.Keyring;

    /// <summary>The zone's refresh state as it is stored (status, serial served, SOA timers); only the loop's worker changes it.</summary>
    public SecondaryZoneState Persisted { get; }

    /// <summary>The copy served now (the base of the next IXFR), or null before the first transfer.</summary>
    public ZoneSnapshot? Snapshot { get; internal set; }

    /// <summary>Index of the primary the next refresh asks first: after a failure, the one after the primary asked first (the next primary first).</summary>
    public int NextPrimary { get; internal set; }

    /// <summary>The operator's refresh counter last acted on (see <see cref="SecondaryZoneState.RefreshRequest"/>).</summary>
    public long SeenRefreshRequest { get; internal set; }

    /// <summary>The operator's full-transfer counter last acted on (see <see cref="SecondaryZoneState.AxfrRequest"/>).</summary>
    public long SeenAxfrRequest { get; internal set; }

    /// <summary>
    /// True while an operator wants the zone paused (<see cref="SecondaryZoneState.Paused"/>): no refresh runs, timers and
    /// NOTIFY are ignored; the last copy is served until it expires.
    /// </summary>
    public bool PauseRequested
    {
        get => _pauseRequested;
        internal set => _pauseRequested = value;
    }

    /// <summary>
    /// True while the zone is a draft of the Add Site wizard: refreshed, stored and logged as usual, but its copies are never
    /// handed to the publisher (nothing is served). Cleared by the engine when it reads that the draft was published.
    /// </summary>
    public bool IsDraft
    {
        get => _isDraft;
        internal set => _isDraft = value;
    }

    /// <summary>
    /// Non-zero while an operator's full transfer is owed: the next refresh transfers by AXFR whatever the serials say. The
    /// value tells requests apart, so one asked for while a transfer ends is not lost (<see cref="FullTransferDone"/>).
    /// </summary>
    public long FullTransferWanted => Interlocked.Read(ref _fullTransferWanted);

    /// <summary>The zone's writes that run behind the loop (a large transfer served before it is stored, and what follows it).</summary>
    public ZoneStoreQueue Stores { get; } = new();

    /// <summary>True when <paramref name="address"/> is one of the zone's primaries' (a NOTIFY comes from any port).</summary>
    public bool IsPrimaryAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return _settings.Addresses.Contains(address);
    }

    /// <summary>Owes the zone a full transfer (the engine, on an operator's request).</summary>
    internal void WantFullTransfer() => Interlocked.Increment(ref _fullTransferWanted);

    /// <summary>A full transfer asked for as <paramref name="wanted"/> (read before it started) succeeded.</summary>
    internal void FullTransferDone(long wanted) => Interlocked.CompareExchange(ref _fullTransferWanted, 0, wanted);

    /// <summary>Takes new primaries or keys read from the store; the refresh state stays the engine's own.</summary>
    internal void UpdateSettings(SecondaryZoneDefinition definition)
    {
        _definition = definition;
        _settings = ZoneSettings.From(definition);
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
