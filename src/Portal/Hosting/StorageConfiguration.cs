using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>
/// Reads the store's settings: <c>Storage:Provider</c> (Sqlite), <c>Storage:DataDirectory</c> (default ./data,
/// relative to the current directory) and <c>ConnectionStrings:Default</c>, which, when set, wins over the
/// data directory.
/// </summary>
public static class StorageConfiguration
{
    /// <summary>The data directory when none is configured.</summary>
    public const string DefaultDataDirectory = "./data";

    /// <summary>The configured data directory as a full path (not created).</summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string configured = configuration["Storage:DataDirectory"] is { Length: > 0 } value ? value : DefaultDataDirectory;
        return Path.GetFullPath(configured);
    }

    /// <summary>The folder of the Data Protection key ring that protects TSIG secrets: <c>keys</c> in the data directory.</summary>
    public static string KeysDirectory(IConfiguration configuration) => Path.Combine(DataDirectory(configuration), "keys");

    /// <summary>The store's settings; throws <see cref="InvalidOperationException"/> naming the bad key.</summary>
    public static StoreSettings Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string provider = configuration["Storage:Provider"] is { Length: > 0 } name ? name : nameof(StoreProvider.Sqlite);
        if (!Enum.TryParse<StoreProvider>(provider, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not supported; use Sqlite.");
        string dataDirectory = DataDirectory(configuration);
        Directory.CreateDirectory(dataDirectory);
        return configuration.GetConnectionString("Default") is { Length: > 0 } connectionString
            ? new StoreSettings(parsed, connectionString)
            : StoreSettings.ForSqliteDirectory(dataDirectory);
    }
}
