using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>The wizard's steps 4 and 5: the first transfer's progress, the review, finish and cancel.</summary>
public sealed partial class SiteWizardService
{
    // Warnings scan every record: computed once per indexed zone version (the browser keeps the index while it is current).
    private static readonly ConditionalWeakTable<ZoneRecordIndex, IReadOnlyList<ZoneWarning>> WarningsByIndex = new();

    /// <summary>
    /// The first transfer of the draft <paramref name="zoneId"/>: phase, records received (counted live by the engine's
    /// <see cref="TransferProgress"/> while the transfer runs, from the store once it ended), serial, last error, the newest
    /// history lines, and what to check when it failed or came back empty. Null when the zone is not in the scope.
    /// An authoritative draft reads as transferred.
    /// </summary>
    public async Task<SiteTransferProgress?> GetTransferProgressAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var zone = await context.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Id == zoneId, cancellationToken);
        if (zone is null || !scope.Sees(zone.OwnerId))
            return null;
        if (zone.Kind == ZoneKind.Authoritative)
            return new SiteTransferProgress(zone.Id, zone.Origin, zone.Kind, zone.IsDraft, SiteTransferPhase.Transferred, null, zone.RecordCount, zone.Serial, null, [], []);
        var state = await context.SecondaryZoneStates.AsNoTracking().SingleOrDefaultAsync(s => s.ZoneId == zone.Id, cancellationToken);
        var log = await context.TransferLog.AsNoTracking().Where(l => l.ZoneId == zone.Id).OrderByDescending(l => l.Id).Take(10).ToListAsync(cancellationToken);
        var primaries = await context.ZonePrimaries.AsNoTracking().Where(p => p.ZoneId == zone.Id).OrderBy(p => p.Order)
            .Select(p => new { p.Address, p.Port, p.TsigKeyId }).ToListAsync(cancellationToken);
        var latest = log.FirstOrDefault();
        // While the first transfer runs, only the engine's process knows how far it got; once it ends, the store and its log say.
        var live = zone.RecordCount > 0 ? null : transfers.Get(DnsName.Parse(zone.Origin));
        SiteTransferPhase phase = zone.RecordCount > 0 ? SiteTransferPhase.Transferred
            : live is not null ? SiteTransferPhase.Transferring
            : latest?.Kind == TransferLogKind.Failed || state?.Status is ZoneStatus.Failing or ZoneStatus.Expired ? SiteTransferPhase.Failed
            : state?.Status == ZoneStatus.Refreshing || latest?.Kind == TransferLogKind.SoaCheck ? SiteTransferPhase.Transferring
            : SiteTransferPhase.Waiting;
        long received = zone.RecordCount > 0 ? zone.RecordCount : live?.Records ?? latest?.Records ?? 0;
        long? serial = zone.RecordCount > 0 ? zone.Serial : latest?.Serial;
        string? error = phase == SiteTransferPhase.Failed ? state?.LastError ?? latest?.Error : null;
        bool empty = phase == SiteTransferPhase.Transferred && zone.RecordCount <= 1;
        var hints = phase == SiteTransferPhase.Failed || empty
            ? Hints(primaries.Select(p => $"{p.Address}:{p.Port}").ToList(), primaries.Any(p => p.TsigKeyId != null))
            : [];
        return new SiteTransferProgress(zone.Id, zone.Origin, zone.Kind, zone.IsDraft, phase, state?.Status, received, serial, error, log, hints);
    }

    /// <summary>
    /// One page of the draft's records (filtered by name and type as <paramref name="query"/> says), every record counted by
    /// type, and the warnings. Null when the zone is not in the scope, or its records cannot be read.
    /// </summary>
    public async Task<SiteReview?> GetReviewAsync(AccountScope scope, long zoneId, RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        var progress = await GetTransferProgressAsync(scope, zoneId, cancellationToken);
        if (progress is null)
            return null;
        var origin = DnsName.Parse(progress.Origin);
        var set = await browser.GetAsync(origin, cancellationToken);
        if (set.Status != RecordBrowseStatus.Found || set.Index is null)
            return null;
        var builderWarnings = ZoneWarnings.FromTransferLog(progress.Log.FirstOrDefault(l => l.Kind is TransferLogKind.Axfr or TransferLogKind.Ixfr)?.Error);
        var warnings = WarningsByIndex.GetValue(set.Index, index => ReviewWarnings(origin, index.Records, builderWarnings));
        var hints = progress.Kind == ZoneKind.Secondary && set.Index.Count <= 1 ? progress.Hints : [];
        if (hints.Count == 0 && progress.Kind == ZoneKind.Secondary && set.Index.Count <= 1)
            hints = await EmptyHintsAsync(zoneId, cancellationToken);
        return new SiteReview(progress.ZoneId, progress.Origin, progress.Kind, progress.IsDraft, set.Serial, set.Index.Page(query),
            set.Index.CountsByType, warnings, hints);
    }

    /// <summary>
    /// The engine's warnings for the review, without <see cref="ZoneWarningKind.EmptyZone"/>: the review says what to check
    /// for an empty secondary zone in its hints, and an authoritative draft of only SOA and NS is simply new.
    /// </summary>
    private static IReadOnlyList<ZoneWarning> ReviewWarnings(DnsName origin, IEnumerable<DnsRecord> records, IReadOnlyList<string> builderWarnings) =>
        ZoneWarnings.Analyze(origin, records, builderWarnings).Where(w => w.Kind != ZoneWarningKind.EmptyZone).ToList();

    /// <summary>Publishes the draft: it is served within a second (a secondary draft not transferred yet, once its transfer succeeds).</summary>
    public Task<ZoneCommandResult> FinishAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return InScopeAsync(scope, zoneId, () => drafts.PublishAsync(zoneId, scope.OwnerFilter, cancellationToken), cancellationToken);
    }

    /// <summary>Discards the draft and everything of it (a key created in place stays among the account's keys).</summary>
    public Task<ZoneCommandResult> CancelAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return InScopeAsync(scope, zoneId, () => drafts.DiscardAsync(zoneId, scope.OwnerFilter, cancellationToken), cancellationToken);
    }

    private async Task<ZoneCommandResult> InScopeAsync(AccountScope scope, long zoneId, Func<Task<ZoneCommandResult>> action, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var owner = await context.Zones.AsNoTracking().Where(z => z.Id == zoneId).Select(z => new { z.OwnerId }).SingleOrDefaultAsync(cancellationToken);
        return owner is null || !scope.Sees(owner.OwnerId) ? new ZoneCommandResult(false, "No such zone is stored.") : await action();
    }

    private async Task<IReadOnlyList<string>> EmptyHintsAsync(long zoneId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var primaries = await context.ZonePrimaries.AsNoTracking().Where(p => p.ZoneId == zoneId).Select(p => new { p.Address, p.Port, p.TsigKeyId }).ToListAsync(cancellationToken);
        return Hints(primaries.Select(p => $"{p.Address}:{p.Port}").ToList(), primaries.Any(p => p.TsigKeyId != null));
    }

    /// <summary>What to check at the primary when nothing (or only a SOA) came over.</summary>
    private IReadOnlyList<string> Hints(IReadOnlyList<string> primaries, bool signed)
    {
        string source = listener.TransferSource.ToString();
        var hints = new List<string>
        {
            $"Allow zone transfers to {source} on the primary (BIND: allow-transfer; Knot: an acl with action transfer; NSD: provide-xfr; PowerDNS: ALLOW-AXFR-FROM).",
            signed
                ? "Check the TSIG key: the same name, algorithm and secret on both sides, and the primary's transfer ACL naming that key."
                : "If the primary asks for a TSIG key, go back and choose or create the same key here.",
            $"Check the address and port ({string.Join(", ", primaries)}): the primary must answer over TCP too, as zone transfers use TCP (RFC 5936 §4.2).",
        };
        return hints;
    }
}
