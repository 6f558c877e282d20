using System.Diagnostics;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Events;

/// <summary>
/// One refresh of one zone, handed to each of its steps (<see cref="RefreshHandler"/>, <see cref="PrimaryRefresher"/>): the
/// zone and its state, the history lines and the primaries' serials gathered for the store, the cancellation token, the
/// clock reading at the start and what the zone was when the refresh began. Lives for one refresh, on the zone's loop; a
/// write queued behind the loop keeps its lines and serials.
/// </summary>
internal sealed class RefreshContext
{
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

    /// <summary>A refresh of <paramref name="zone"/> starting at <paramref name="startedAt"/>.</summary>
    public RefreshContext(ZoneRuntimeState zone, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        Zone = zone;
        StartedAt = startedAt;
        CancellationToken = cancellationToken;
        StatusBefore = zone.Persisted.Status;
        FullTransferWanted = zone.FullTransferWanted;
    }

    /// <summary>The zone refreshed; the refresh changes its state.</summary>
    public ZoneRuntimeState Zone { get; }

    /// <summary>The zone's stored refresh state (<see cref="ZoneRuntimeState.Persisted"/>).</summary>
    public SecondaryZoneState State => Zone.Persisted;

    /// <summary>The zone's apex.</summary>
    public DnsName Origin => Zone.Origin;

    /// <summary>The history lines of this refresh, stored with its outcome.</summary>
    public List<TransferLogEntry> Log { get; } = [];

    /// <summary>The serials the primaries answered with, stored with the outcome.</summary>
    public List<PrimarySerial> Seen { get; } = [];

    /// <summary>Cancelled when the zone is removed or the engine stops (also for the writes queued behind the loop).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>When the refresh started, by the engine's clock.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Time since the refresh started, for the log.</summary>
    public long ElapsedMilliseconds => _stopwatch.ElapsedMilliseconds;

    /// <summary>The zone's status before the refresh marked it refreshing.</summary>
    public ZoneStatus StatusBefore { get; }

    /// <summary>The operator's full transfer owed when the refresh started (0: none); see <see cref="ZoneRuntimeState.FullTransferWanted"/>.</summary>
    public long FullTransferWanted { get; }

    /// <summary>True when this refresh transfers by AXFR whatever the serials say.</summary>
    public bool FullTransfer => FullTransferWanted != 0;
}
