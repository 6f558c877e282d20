namespace SecondaryPortal.Engine.Persistence;

/// <summary>The database engines the store runs on (configuration key Storage:Provider).</summary>
public enum StoreProvider
{
    /// <summary>An embedded SQLite file in the data directory: one machine, no server to run.</summary>
    Sqlite,
}
