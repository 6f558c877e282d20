using Microsoft.EntityFrameworkCore;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>Builds the context options for a store's provider and connection string.</summary>
public static class StoreDbContextOptions
{
    /// <summary>
    /// Points <paramref name="options"/> at the store in <paramref name="settings"/>. Another context sharing the database
    /// (the portal's accounts) names its own <paramref name="migrationsHistoryTable"/>, so each context migrates alone.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, StoreSettings settings, string? migrationsHistoryTable = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Provider switch
        {
            StoreProvider.Sqlite => options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(migrationsHistoryTable ?? "__EFMigrationsHistory")).AddInterceptors(SqlitePragmas.Instance),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "unsupported store provider"),
        };
    }

    /// <summary>Options for a <see cref="StoreDbContext"/> on <paramref name="settings"/>, for code outside dependency injection.</summary>
    public static DbContextOptions<StoreDbContext> Create(StoreSettings settings)
    {
        var builder = new DbContextOptionsBuilder<StoreDbContext>();
        Configure(builder, settings);
        return builder.Options;
    }
}
