using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Hosting;
using SecondaryPortal.Portal.Services.Primaries;
using SecondaryPortal.Portal.Services.Zones;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Zones;

/// <summary>The portal's services on a fresh store, without the web host or the DNS listeners (nothing started).</summary>
public sealed class ZoneServiceHost : IAsyncDisposable
{
    public static readonly AccountScope Alice = new("user-alice", IsAdmin: false);
    public static readonly AccountScope Bob = new("user-bob", IsAdmin: false);
    public static readonly AccountScope Admin = new("user-admin", IsAdmin: true);

    private readonly TempDataDirectory _data = new();

    private ZoneServiceHost()
    {
        var configuration = PortalConfiguration.BuildForCommandLine([_data.Override, "--Dns:Listen:0=127.0.0.1:0"]);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSecondaryPortalServer(configuration);
        Engine.Records.ZoneManagementServiceCollectionExtensions.AddZoneManagement(services);
        services.AddPortalZones();
        services.AddPortalPrimaries();
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<ZoneServiceHost> StartAsync()
    {
        var host = new ZoneServiceHost();
        await host.Get<StoreMigrator>().MigrateAsync();
        return host;
    }

    /// <summary>Imports an authoritative zone for <paramref name="owner"/> and returns its id.</summary>
    public async Task<long> ImportAsync(string origin, AccountScope? owner, uint serial = 1)
    {
        var name = DnsName.Parse(origin);
        var result = await Get<ZoneStore>().ImportAsync(name, ZoneFileParser.Parse(ZoneTexts.Simple(origin, serial), name),
            new ZoneImportOptions { OwnerId = owner?.UserId });
        Assert.True(result.Status == ZoneImportStatus.Imported, result.Message);
        return result.ZoneId;
    }

    /// <summary>Adds a secondary zone for <paramref name="owner"/> (not transferred) and returns its id.</summary>
    public async Task<long> AddSecondaryAsync(string origin, AccountScope? owner, string primary = "192.0.2.10")
    {
        var result = await Get<SecondaryZoneCatalog>().AddAsync(DnsName.Parse(origin), [new IPEndPoint(IPAddress.Parse(primary), 53)],
            new SecondaryZoneAddOptions { OwnerId = owner?.UserId });
        Assert.True(result.Status == SecondaryZoneAddStatus.Added, result.Message);
        return result.ZoneId;
    }

    /// <summary>
    /// Stores <paramref name="count"/> secondary zones of <paramref name="owner"/> ("zone00000.SUFFIX" ...) straight into the
    /// tables with one SQL statement each (SQLite), with states (every tenth failing) and a primary one serial ahead.
    /// </summary>
    public async Task SeedSecondariesAsync(int count, AccountScope owner, string suffix = "example.")
    {
        await using var context = await Get<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        await using var transaction = await context.Database.BeginTransactionAsync();
        const string now = "2026-12-01 00:00:00+00:00";
        await context.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1})
            INSERT INTO "Zones" ("Origin", "Kind", "Serial", "RecordCount", "CreatedAt", "UpdatedAt", "Version", "OwnerId", "IsDraft")
            SELECT printf('zone%05d.', i) || {suffix}, 'Secondary', i, 10, {now}, {now}, 0, {owner.UserId}, 0 FROM n
            """);
        await context.Database.ExecuteSqlAsync($"""
            INSERT INTO "SecondaryZoneStates" ("ZoneId", "Status", "ServedSerial", "NextRefreshAt", "LastTransferAt", "LastError", "RefreshRequest", "AxfrRequest", "Paused")
            SELECT "Id", CASE WHEN "Serial" % 10 = 0 THEN 'Failing' ELSE 'Active' END, "Serial", {now}, {now},
                   CASE WHEN "Serial" % 10 = 0 THEN 'no primary answered' END, 0, 0, 0
            FROM "Zones" WHERE "OwnerId" = {owner.UserId} AND "Id" NOT IN (SELECT "ZoneId" FROM "SecondaryZoneStates")
            """);
        await context.Database.ExecuteSqlAsync($"""
            INSERT INTO "ZonePrimaries" ("ZoneId", "Order", "Address", "Port", "LastSeenSerial")
            SELECT "Id", 0, '192.0.2.10', 53, "Serial" + 1 FROM "Zones" WHERE "OwnerId" = {owner.UserId} AND "Id" NOT IN (SELECT "ZoneId" FROM "ZonePrimaries")
            """);
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _data.Dispose();
    }
}
