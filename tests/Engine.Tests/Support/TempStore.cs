using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Support;

/// <summary>A SQLite store in a fresh temporary directory, deleted on dispose.</summary>
public sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Directory = Path.Combine(Path.GetTempPath(), "sp-engine-" + Guid.NewGuid().ToString("N"));
        Settings = StoreSettings.ForSqliteDirectory(Directory);
        Contexts = new ContextFactory(Settings);
    }

    public string Directory { get; }

    public StoreSettings Settings { get; }

    public IDbContextFactory<StoreDbContext> Contexts { get; }

    public string DatabasePath => Path.Combine(Directory, StoreSettings.SqliteFileName);

    public StoreMigrator Migrator => new(Contexts, NullLogger<StoreMigrator>.Instance);

    public StoreDbContext CreateContext() => Contexts.CreateDbContext();

    /// <summary>A new ZoneStore on this database, with its own context factory (as another process would have).</summary>
    public ZoneStore CreateZoneStore(TimeProvider? time = null) =>
        new(new ContextFactory(Settings), time ?? TimeProvider.System, NullLogger<ZoneStore>.Instance);

    /// <summary>A migrated store.</summary>
    public static async Task<TempStore> CreateMigratedAsync()
    {
        var store = new TempStore();
        await store.Migrator.MigrateAsync();
        return store;
    }

    /// <summary>A plain connection to the database file, beside EF (as another process would have).</summary>
    public SqliteConnection OpenRawConnection()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temp folder is cleaned by the system eventually.
        }
    }

    private sealed class ContextFactory(StoreSettings settings) : IDbContextFactory<StoreDbContext>
    {
        private readonly DbContextOptions<StoreDbContext> _options =
            StoreDbContextOptions.Create(settings);

        public StoreDbContext CreateDbContext() => new(_options);
    }
}
