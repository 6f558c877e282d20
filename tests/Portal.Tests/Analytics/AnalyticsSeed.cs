using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Portal.Tests.Analytics;

/// <summary>Stored query counts as the aggregator leaves them (a minute row and its hour row), written straight into the store.</summary>
internal static class AnalyticsSeed
{
    /// <summary>Adds <paramref name="count"/> queries, ten minutes ago, for <paramref name="zone"/> ("" for no zone).</summary>
    public static async Task AddAsync(IServiceProvider services, string zone, int type, int rcode, long count,
        int transport = 0, int ipVersion = 4, string client = "eu-west", string node = "eu-central")
    {
        long at = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds();
        await using var context = await services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        foreach (int resolution in new[] { 60, 3600 })
        {
            context.QueryAggregates.Add(new QueryAggregate
            {
                Resolution = resolution, BucketStart = at - at % resolution, Zone = zone, QueryType = type, Rcode = rcode, Transport = transport,
                IpVersion = ipVersion, ClientRegion = client, NodeRegion = node, Count = count,
            });
        }
        await context.SaveChangesAsync();
    }

    /// <summary>Adds a top name (or top NXDOMAIN name) to this hour's and this day's lists, as the aggregator does.</summary>
    public static async Task AddTopNameAsync(IServiceProvider services, string zone, string name, long count, bool nxDomain = false)
    {
        long at = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds();
        await using var context = await services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        foreach (int resolution in (int[])[3600, 86400])
            context.QueryTopNames.Add(new QueryTopName { Resolution = resolution, BucketStart = at - at % resolution, Zone = zone, Name = name, NxDomain = nxDomain, Count = count });
        await context.SaveChangesAsync();
    }

    /// <summary>
    /// Two accounts' zones and queries for no zone: alice.example. (A NOERROR 100 eu-west/UDP/IPv4, AAAA NXDOMAIN 7
    /// ap-south/IPv6, AAAA NXDOMAIN 5 eu-west/IPv6, A NXDOMAIN 3 ap-south/TCP), bob.example. (A NOERROR 40), and no zone
    /// (A REFUSED 9).
    /// </summary>
    public static async Task TwoAccountsAsync(IServiceProvider services)
    {
        await AddAsync(services, "alice.example.", 1, 0, 100);
        await AddAsync(services, "alice.example.", 28, 3, 7, ipVersion: 6, client: "ap-south");
        await AddAsync(services, "alice.example.", 28, 3, 5, ipVersion: 6);
        await AddAsync(services, "alice.example.", 1, 3, 3, transport: 1, client: "ap-south");
        await AddAsync(services, "bob.example.", 1, 0, 40);
        await AddAsync(services, "", 1, 5, 9);
        await AddTopNameAsync(services, "alice.example.", "www.alice.example.", 90);
        await AddTopNameAsync(services, "alice.example.", "typo.alice.example.", 12, nxDomain: true);
        await AddTopNameAsync(services, "bob.example.", "www.bob.example.", 40);
    }
}
