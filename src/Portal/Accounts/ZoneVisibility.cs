using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// Which zones' live data (the served zone table, the responder's query counters) a scope may see: an admin's (or no
/// user's, in tests) spans the node, queries for no zone of ours included; a customer's spans their own published zones.
/// The dashboard and the analytics API both filter through it.
/// </summary>
public sealed class ZoneVisibility(ZoneStore store)
{
    /// <summary>A test on a zone's origin text ("example.com.", null for no zone) for <paramref name="scope"/>.</summary>
    public async Task<Func<string?, bool>> ForAsync(AccountScope? scope, CancellationToken cancellationToken = default)
    {
        if (scope is null or { IsAdmin: true })
            return _ => true;
        var owned = (await store.ListOwnedAsync(scope.UserId, cancellationToken)).Where(z => !z.IsDraft)
            .Select(z => z.Origin).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return origin => origin is not null && owned.Contains(origin);
    }

    /// <summary>
    /// The zones <paramref name="scope"/> may see, as a list for an analytics filter: null for an admin (every zone and
    /// the queries for no zone), otherwise the account's published zones (possibly none).
    /// </summary>
    public async Task<IReadOnlyCollection<DnsName>?> ZoneNamesAsync(AccountScope? scope, CancellationToken cancellationToken = default)
    {
        if (scope is null or { IsAdmin: true })
            return null;
        return (await store.ListOwnedAsync(scope.UserId, cancellationToken)).Where(z => !z.IsDraft).Select(z => DnsName.Parse(z.Origin)).ToList();
    }
}
