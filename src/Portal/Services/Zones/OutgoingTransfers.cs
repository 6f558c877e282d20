using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Outbound;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Services.Keys;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>
/// An authoritative zone's settings as a primary, within an account's scope: who may transfer it from us (addresses,
/// networks, TSIG keys of the account) and which secondaries get a NOTIFY on each change (RFC 1996). Input arrives as
/// typed text and is checked here, with a message that says what to type instead.
/// </summary>
public sealed class OutgoingTransfers(ZoneDirectory directory, ZoneTransferSettingsStore settings, TsigKeyService keys, IDbContextFactory<StoreDbContext> contextFactory)
{
    /// <summary>Who may transfer the zone and who is notified; null when the zone is not in scope or not authoritative.</summary>
    public async Task<ZoneTransferSettings?> GetAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default)
    {
        var zone = await AuthoritativeAsync(scope, zoneId, cancellationToken);
        return zone.Origin is null ? null : await settings.GetAsync(zone.Origin, cancellationToken);
    }

    /// <summary>Lets <paramref name="entry"/> transfer the zone: "192.0.2.1", "192.0.2.0/24", "2001:db8::/32" or "key:NAME" (a key of the account).</summary>
    public async Task<ZoneActionResult> AllowAsync(AccountScope scope, long zoneId, string? entry, CancellationToken cancellationToken = default)
    {
        var zone = await AuthoritativeAsync(scope, zoneId, cancellationToken);
        if (zone.Origin is null)
            return zone.Refusal!;
        if (!TransferAclEntry.TryParse((entry ?? "").Trim(), out var parsed, out string? error))
            return new ZoneActionResult(ZoneActionStatus.Invalid, error);
        if (parsed.KeyName is { } keyName && !await KeyInScopeAsync(scope, keyName, cancellationToken))
            return new ZoneActionResult(ZoneActionStatus.Invalid, $"Your account has no TSIG key {keyName.ToLowerCase()}; add it on the TSIG keys page first.");
        return Map(await settings.AllowTransferAsync(zone.Origin, parsed, cancellationToken));
    }

    /// <summary>Takes <paramref name="entry"/> off the zone's transfer list.</summary>
    public async Task<ZoneActionResult> DenyAsync(AccountScope scope, long zoneId, string? entry, CancellationToken cancellationToken = default)
    {
        var zone = await AuthoritativeAsync(scope, zoneId, cancellationToken);
        if (zone.Origin is null)
            return zone.Refusal!;
        if (!TransferAclEntry.TryParse((entry ?? "").Trim(), out var parsed, out string? error))
            return new ZoneActionResult(ZoneActionStatus.Invalid, error);
        return Map(await settings.DenyTransferAsync(zone.Origin, parsed, cancellationToken));
    }

    /// <summary>
    /// Sends a NOTIFY to <paramref name="target"/> ("192.0.2.1", "192.0.2.1:5353", "[2001:db8::1]:53") on each change, signed
    /// with the account's key <paramref name="keyName"/> when given.
    /// </summary>
    public async Task<ZoneActionResult> AddNotifyTargetAsync(AccountScope scope, long zoneId, string? target, string? keyName,
        CancellationToken cancellationToken = default)
    {
        var zone = await AuthoritativeAsync(scope, zoneId, cancellationToken);
        if (zone.Origin is null)
            return zone.Refusal!;
        if (!NotifyTargetSetting.TryParseEndPoint(target ?? "", out var endPoint, out string? error))
            return new ZoneActionResult(ZoneActionStatus.Invalid, error);
        DnsName? key = null;
        if (!string.IsNullOrWhiteSpace(keyName))
        {
            string text = keyName.Trim();
            if (!DnsName.TryParse(text.EndsWith('.') ? text : text + ".", null, out var parsed, out _) || !await KeyInScopeAsync(scope, parsed, cancellationToken))
                return new ZoneActionResult(ZoneActionStatus.Invalid, $"Your account has no TSIG key {text}; add it on the TSIG keys page first.");
            key = parsed;
        }
        return Map(await settings.AddNotifyTargetAsync(zone.Origin, endPoint, key, cancellationToken));
    }

    /// <summary>Stops sending NOTIFY to <paramref name="target"/>.</summary>
    public async Task<ZoneActionResult> RemoveNotifyTargetAsync(AccountScope scope, long zoneId, string? target, CancellationToken cancellationToken = default)
    {
        var zone = await AuthoritativeAsync(scope, zoneId, cancellationToken);
        if (zone.Origin is null)
            return zone.Refusal!;
        if (!NotifyTargetSetting.TryParseEndPoint(target ?? "", out var endPoint, out string? error))
            return new ZoneActionResult(ZoneActionStatus.Invalid, error);
        return Map(await settings.RemoveNotifyTargetAsync(zone.Origin, endPoint, cancellationToken));
    }

    /// <summary>The names of the TSIG keys in <paramref name="scope"/>, for the forms' key choices.</summary>
    public async Task<IReadOnlyList<string>> KeyNamesAsync(AccountScope scope, CancellationToken cancellationToken = default) =>
        (await keys.ListAsync(scope, cancellationToken)).Select(k => k.Name).ToList();

    private async Task<bool> KeyInScopeAsync(AccountScope scope, DnsName keyName, CancellationToken cancellationToken)
    {
        string name = keyName.ToLowerCase().ToString();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var owner = await context.TsigKeys.AsNoTracking().Where(k => k.Name == name).Select(k => new { k.OwnerId }).SingleOrDefaultAsync(cancellationToken);
        return owner is not null && scope.Sees(owner.OwnerId);
    }

    private async Task<(DnsName? Origin, ZoneActionResult? Refusal)> AuthoritativeAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await directory.GetRowAsync(scope, zoneId, cancellationToken) is not { } zone)
            return (null, ZoneActionResult.NotFound);
        if (zone.Kind != ZoneKind.Authoritative)
            return (null, new ZoneActionResult(ZoneActionStatus.Refused, $"{zone.DisplayName} is a secondary zone: its primary decides who transfers it."));
        return (DnsName.Parse(zone.Origin), null);
    }

    private static ZoneActionResult Map(TransferSettingsChange change) => change.Status switch
    {
        TransferSettingsChangeStatus.Changed => new ZoneActionResult(ZoneActionStatus.Done, change.Message),
        TransferSettingsChangeStatus.Unchanged => new ZoneActionResult(ZoneActionStatus.Unchanged, change.Message),
        TransferSettingsChangeStatus.ZoneNotFound => ZoneActionResult.NotFound,
        _ => new ZoneActionResult(ZoneActionStatus.Refused, change.Message),
    };
}
