namespace SecondaryPortal.Engine.Persistence;

/// <summary>Where the store lives: the database provider and its connection string, already resolved from configuration.</summary>
/// <param name="Provider">The database engine.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
public sealed record StoreSettings(StoreProvider Provider, string ConnectionString)
{
    /// <summary>The file name of the SQLite database inside the data directory.</summary>
    public const string SqliteFileName = "secondaryportal.db";

    /// <summary>SQLite in <paramref name="dataDirectory"/> (created when missing), the default store.</summary>
    public static StoreSettings ForSqliteDirectory(string dataDirectory)
    {
        string full = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(full);
        return new StoreSettings(StoreProvider.Sqlite, $"Data Source={Path.Combine(full, SqliteFileName)}");
    }
}
