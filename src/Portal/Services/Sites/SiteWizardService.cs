using System.Net;
using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Probing;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Services.Keys;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>
/// The Add Site wizard's work, for the pages and the REST API alike: check a domain, check primaries live, create a
/// secondary draft (its first transfer starts at once) or an authoritative one (empty or from a zone file), follow the
/// transfer, review the records, then publish or discard. Everything is scoped to an account: another account's draft
/// is "not found" (null, or a refusal that says so), and no message tells whose a zone is.
/// </summary>
public sealed partial class SiteWizardService(
    IDbContextFactory<StoreDbContext> contextFactory,
    SecondaryZoneCatalog catalog,
    ZoneStore store,
    ZoneDrafts drafts,
    PrimaryCheck primaryCheck,
    PrimaryCheckPolicy checkPolicy,
    ZoneRecordBrowser browser,
    TsigKeyService keys,
    SiteListener listener,
    TransferProgress transfers,
    TimeProvider timeProvider,
    ILogger<SiteWizardService> logger)
{
    /// <summary>The most primaries a zone takes in the wizard.</summary>
    public const int MaxPrimaries = 10;

    /// <summary>
    /// Checks the domain's syntax (an IDN becomes punycode) and that no zone of that name is stored. A zone of another
    /// account is "already present on this service" without saying whose; the account's own draft is named as such.
    /// </summary>
    public async Task<DomainCheck> CheckDomainAsync(AccountScope scope, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var check = SiteDomain.Parse(text);
        if (!check.Succeeded)
            return check;
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await context.Zones.AsNoTracking().Where(z => z.Origin == check.Origin)
            .Select(z => new { z.OwnerId, z.IsDraft }).SingleOrDefaultAsync(cancellationToken);
        if (existing is null)
            return check;
        string shown = check.DisplayName!;
        string message = existing.IsDraft && existing.OwnerId == scope.UserId
            ? $"You already started adding {shown}: finish or cancel that draft (Zones) before starting again."
            : $"{shown} is already present on this service, so it cannot be added again.";
        return check with { Succeeded = false, Message = message };
    }

    /// <summary>
    /// One live check per primary (in parallel), signed with the chosen key: its SOA query, then whether it transfers the
    /// zone to us (<see cref="PrimaryCheck"/>); each with its outcome, message and serial. A bad domain, no primary, an
    /// address a customer may not use (<see cref="PrimaryCheckPolicy"/>, with <see cref="SiteCheckResult.Field"/>), a key
    /// that cannot be used, or an account past its checks this minute (<see cref="SiteCheckResult.RetryAfter"/>) gives no
    /// results and the reason, and no packet is sent.
    /// </summary>
    public async Task<SiteCheckResult> CheckPrimariesAsync(AccountScope scope, string domain, IReadOnlyList<IPEndPoint> primaries, SiteKeyChoice key,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(primaries);
        ArgumentNullException.ThrowIfNull(key);
        var origin = SiteDomain.Parse(domain);
        if (!origin.Succeeded)
            return new SiteCheckResult([], origin.Message);
        if (Refusal(primaries) is { } refusal)
            return new SiteCheckResult([], refusal);
        if (AddressRefusal(scope, primaries) is { } addressRefusal)
            return new SiteCheckResult([], addressRefusal.Message) { Field = addressRefusal.Field };
        var (tsig, keyError) = await ResolveKeyAsync(scope, key, cancellationToken);
        if (keyError is not null)
            return new SiteCheckResult([], keyError);
        if (!checkPolicy.TryAcquire(scope, primaries.Count, out var tooMany, out var retryAfter))
        {
            LogChecksLimited(scope.UserId, retryAfter.TotalSeconds);
            return new SiteCheckResult([], tooMany!) { RetryAfter = retryAfter };
        }
        var zone = DnsName.Parse(origin.Origin!);
        var source = listener.IsWildcard ? null : listener.TransferSource;
        var results = await Task.WhenAll(primaries.Select(p => primaryCheck.CheckAsync(zone, p, tsig, source, cancellationToken)));
        int ok = results.Count(r => r.IsOk);
        string summary = ok == results.Length
            ? $"Every primary serves {origin.DisplayName} to us."
            : ok > 0 ? $"{ok} of {results.Length} primaries serve {origin.DisplayName} to us; fix the others or go on with those that work."
            : $"No primary serves {origin.DisplayName} to us yet: fix what each line says, then check again.";
        return new SiteCheckResult(results, summary);
    }

    /// <summary>
    /// The key to sign with: none, an account's stored key (by name), or a new one checked (name, algorithm, base64 secret
    /// long enough). A new key whose name another account uses is refused as "already used".
    /// </summary>
    public async Task<(TsigKey? Key, string? Error)> ResolveKeyAsync(AccountScope scope, SiteKeyChoice choice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(choice);
        switch (choice.Mode)
        {
            case SiteKeyMode.Existing:
                if (string.IsNullOrWhiteSpace(choice.Name))
                    return (null, "Choose one of your keys, or no key.");
                var stored = await keys.GetKeyAsync(scope, choice.Name, cancellationToken);
                return stored is null ? (null, $"The key {choice.Name} is not among your keys.") : (stored, null);
            case SiteKeyMode.New:
                var (key, refusal) = TsigKeyService.Validate(choice.Name, choice.Algorithm, choice.Secret);
                if (key is null)
                    return (null, refusal!.Message);
                string name = key.Name.ToString();
                await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
                {
                    var owner = await context.TsigKeys.AsNoTracking().Where(k => k.Name == name).Select(k => new { k.OwnerId }).SingleOrDefaultAsync(cancellationToken);
                    if (owner is not null && owner.OwnerId != scope.UserId)
                        return (null, $"The key name {name} is already used; choose another name.");
                    if (owner is not null)
                        return (null, $"You already have a key named {name}: choose it among your keys, or give the new key another name.");
                }
                return (key, null);
            default:
                return (null, null);
        }
    }

    /// <summary>
    /// Stores a secondary draft of <paramref name="domain"/> owned by the account: its primaries in order, signed with the
    /// chosen key (a new key is stored as the account's). The transfer engine starts its first transfer within a second;
    /// it is never served until <see cref="FinishAsync"/>.
    /// </summary>
    public async Task<SiteDraftResult> CreateSecondaryDraftAsync(AccountScope scope, string domain, IReadOnlyList<IPEndPoint> primaries, SiteKeyChoice key,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(primaries);
        ArgumentNullException.ThrowIfNull(key);
        var check = await CheckDomainAsync(scope, domain, cancellationToken);
        if (!check.Succeeded)
            return new SiteDraftResult(false, 0, check.Message, "Domain");
        if (Refusal(primaries) is { } refusal)
            return new SiteDraftResult(false, 0, refusal, "Primaries");
        if (AddressRefusal(scope, primaries) is { } addressRefusal)
            return new SiteDraftResult(false, 0, addressRefusal.Message, addressRefusal.Field);
        var (tsig, keyError) = await ResolveKeyAsync(scope, key, cancellationToken);
        if (keyError is not null)
            return new SiteDraftResult(false, 0, keyError, "Key");
        var options = new SecondaryZoneAddOptions
        {
            KeyName = tsig?.Name.ToString(), NewKey = key.Mode == SiteKeyMode.New ? tsig : null, OwnerId = scope.UserId, AsDraft = true,
        };
        var added = await catalog.AddAsync(DnsName.Parse(check.Origin!), primaries, options, cancellationToken);
        if (!added.Succeeded)
            return new SiteDraftResult(false, 0, AddRefusal(added, check.DisplayName!), added.Status == SecondaryZoneAddStatus.Exists ? "Domain" : "Key");
        LogDraftCreated(added.Origin, "secondary", added.ZoneId);
        return new SiteDraftResult(true, added.ZoneId, $"{check.DisplayName} is being transferred from {string.Join(", ", primaries)}.");
    }

    /// <summary>Stores an authoritative draft of <paramref name="domain"/> holding only a SOA and two NS records (see <see cref="AuthoritativeZoneTemplate"/>).</summary>
    public Task<SiteDraftResult> CreateEmptyDraftAsync(AccountScope scope, string domain, CancellationToken cancellationToken = default)
    {
        var check = SiteDomain.Parse(domain);
        string text = check.Succeeded ? AuthoritativeZoneTemplate.Text(check.Origin!, timeProvider.GetUtcNow()) : "";
        return CreateAuthoritativeDraftAsync(scope, domain, text, cancellationToken);
    }

    /// <summary>
    /// Stores an authoritative draft of <paramref name="domain"/> from zone file text (pasted or uploaded). A file that
    /// does not parse or does not make a valid zone is refused with its errors (line numbers where known); nothing is stored.
    /// </summary>
    public async Task<SiteDraftResult> CreateAuthoritativeDraftAsync(AccountScope scope, string domain, string? zoneFileText,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var check = await CheckDomainAsync(scope, domain, cancellationToken);
        if (!check.Succeeded)
            return new SiteDraftResult(false, 0, check.Message, "Domain");
        var origin = DnsName.Parse(check.Origin!);
        var (records, errors) = ZoneFileReader.Read(zoneFileText, origin);
        if (records is null)
            return new SiteDraftResult(false, 0, FileRefusal(errors), "ZoneFile") { Errors = errors };
        var imported = await store.ImportAsync(origin, records, new ZoneImportOptions { AsDraft = true, OwnerId = scope.UserId }, cancellationToken);
        if (!imported.Succeeded)
        {
            var invalid = imported.Errors.Select(e => new ZoneFileError(0, e)).ToList();
            return imported.Status == ZoneImportStatus.Invalid
                ? new SiteDraftResult(false, 0, FileRefusal(invalid), "ZoneFile") { Errors = invalid }
                : new SiteDraftResult(false, 0, $"{check.DisplayName} is already present on this service, so it cannot be added again.", "Domain");
        }
        LogDraftCreated(imported.Origin, "authoritative", imported.ZoneId);
        return new SiteDraftResult(true, imported.ZoneId, $"{check.DisplayName}: {imported.RecordCount} records ready for review.");
    }

    private static string? Refusal(IReadOnlyList<IPEndPoint> primaries) => primaries.Count switch
    {
        0 => "Add at least one primary: the zone is transferred from it.",
        > MaxPrimaries => $"At most {MaxPrimaries} primaries can be given.",
        _ => primaries.Distinct().Count() < primaries.Count ? "A primary is listed twice; remove the duplicate." : null,
    };

    /// <summary>The first primary whose address the account may not use: its field ("Primaries[1].Address") and why; null when all may be used.</summary>
    private (string Field, string Message)? AddressRefusal(AccountScope scope, IReadOnlyList<IPEndPoint> primaries)
    {
        for (int i = 0; i < primaries.Count; i++)
        {
            if (checkPolicy.AddressRefusal(scope, primaries[i].Address) is { } message)
                return ($"Primaries[{i}].Address", message);
        }
        return null;
    }

    /// <summary>Why <paramref name="address"/> may not be one of the account's primaries, for the message beside the field; null when it may.</summary>
    public string? PrimaryAddressRefusal(AccountScope scope, IPAddress address) => checkPolicy.AddressRefusal(scope, address);

    private static string AddRefusal(SecondaryZoneAddResult added, string shown) => added.Status switch
    {
        SecondaryZoneAddStatus.Exists => $"{shown} is already present on this service, so it cannot be added again.",
        SecondaryZoneAddStatus.KeyConflict => "A key of that name is already stored with another algorithm or secret; choose another name.",
        SecondaryZoneAddStatus.KeyNotFound => "That key is not among your keys.",
        SecondaryZoneAddStatus.NoPrimary => "Add at least one primary: the zone is transferred from it.",
        _ => "The zone could not be added.",
    };

    private static string FileRefusal(IReadOnlyList<ZoneFileError> errors) => errors.Count == 1
        ? $"The zone file was not accepted: {errors[0]}."
        : $"The zone file was not accepted: {errors.Count} errors.";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Add Site: account {Account} went past its primary checks this minute; next window in {RetryAfterSeconds} s")]
    private partial void LogChecksLimited(string account, double retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Add Site: {Kind} draft {Zone} created (zone id {ZoneId})")]
    private partial void LogDraftCreated(string zone, string kind, long zoneId);
}
