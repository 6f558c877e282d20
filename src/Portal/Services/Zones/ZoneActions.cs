using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>
/// The zone page's (and the REST API's) actions on one zone, each checked against the account's scope first: another
/// account's zone is not found. The engine acts on a request within a second (it follows the store's settings version);
/// "Transfer now" and "Force full AXFR" also queue a job that sees the refresh through, after a restart too.
/// </summary>
public sealed class ZoneActions(ZoneDirectory directory, SecondaryZoneCatalog catalog, ZoneStore store, TimeProvider timeProvider,
    ITransferNowQueue? transferNow = null)
{
    /// <summary>Asks for a refresh now: a SOA check at the primaries, then a transfer when their serial is newer.</summary>
    public Task<ZoneActionResult> TransferNowAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default) =>
        SecondaryAsync(scope, zoneId, origin => RequestAsync(origin, fullTransfer: false, catalog.RequestRefreshAsync, cancellationToken), cancellationToken);

    /// <summary>Asks for a full transfer (AXFR) at the next refresh, which starts now, even when the primary's serial is ours.</summary>
    public Task<ZoneActionResult> ForceFullTransferAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default) =>
        SecondaryAsync(scope, zoneId, origin => RequestAsync(origin, fullTransfer: true, catalog.RequestFullTransferAsync, cancellationToken), cancellationToken);

    /// <summary>Stops refreshing the zone (NOTIFY ignored); the last copy is still served until it expires.</summary>
    public Task<ZoneActionResult> PauseAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default) =>
        SecondaryAsync(scope, zoneId, origin => catalog.PauseAsync(origin, cancellationToken), cancellationToken);

    /// <summary>Refreshes the zone again, starting with a SOA check now.</summary>
    public Task<ZoneActionResult> ResumeAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default) =>
        SecondaryAsync(scope, zoneId, origin => catalog.ResumeAsync(origin, cancellationToken), cancellationToken);

    /// <summary>Removes the zone with its records, primaries, state and history; it stops being served within a second.</summary>
    public async Task<ZoneActionResult> DeleteAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await directory.FindOriginAsync(scope, zoneId, cancellationToken) is not { } origin)
            return ZoneActionResult.NotFound;
        return await store.RemoveAsync(DnsName.Parse(origin), cancellationToken)
            ? new ZoneActionResult(ZoneActionStatus.Done, $"{ZoneNames.Display(origin)} was deleted; this node stops answering for it within a second.")
            : ZoneActionResult.NotFound;
    }

    /// <summary>The zone's stored records as a zone file; null when the zone is not in scope or its records cannot be read.</summary>
    public async Task<ZoneExportFile?> ExportAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await directory.FindOriginAsync(scope, zoneId, cancellationToken) is not { } origin)
            return null;
        var name = DnsName.Parse(origin);
        var export = await store.ExportAsync(name, cancellationToken);
        if (!export.Found)
            return null;
        return new ZoneExportFile(origin.TrimEnd('.') + ".zone", ZoneFileWriter.ToText(export.Records, name), export.Records.Count);
    }

    private async Task<ZoneCommandResult> RequestAsync(DnsName origin, bool fullTransfer,
        Func<DnsName, CancellationToken, Task<ZoneCommandResult>> request, CancellationToken cancellationToken)
    {
        var requestedAt = timeProvider.GetUtcNow();
        var result = await request(origin, cancellationToken);
        if (result.Succeeded)
            transferNow?.Enqueue(origin, fullTransfer, requestedAt);
        return result;
    }

    private async Task<ZoneActionResult> SecondaryAsync(AccountScope scope, long zoneId, Func<DnsName, Task<ZoneCommandResult>> action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await directory.GetRowAsync(scope, zoneId, cancellationToken) is not { } zone)
            return ZoneActionResult.NotFound;
        if (zone.Kind != ZoneKind.Secondary)
            return new ZoneActionResult(ZoneActionStatus.Refused, $"{zone.DisplayName} is hosted here: it has no primary to transfer from.");
        var result = await action(DnsName.Parse(zone.Origin));
        return new ZoneActionResult(result.Succeeded ? ZoneActionStatus.Done : ZoneActionStatus.Refused, PortalMessage(result.Message));
    }

    /// <summary>The engine's messages name command-line verbs ("see: zone status ..."); the portal shows the live status instead.</summary>
    private static string PortalMessage(string message)
    {
        int hint = message.IndexOf(" (see: ", StringComparison.Ordinal);
        return hint < 0 ? message : message[..hint] + ".";
    }
}
