using Microsoft.Data.Sqlite;

namespace SecondaryPortal.Portal.Tests.Support;

/// <summary>A fresh data directory (and a scratch folder for zone files), deleted on dispose.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "sp-portal-" + Guid.NewGuid().ToString("N"));
        Data = Path.Combine(Root, "data");
        Files = Path.Combine(Root, "files");
        Directory.CreateDirectory(Files);
    }

    public string Root { get; }

    public string Data { get; }

    public string Files { get; }

    /// <summary>The override that points a verb or the server at this data directory.</summary>
    public string Override => "--Storage:DataDirectory=" + Data;

    /// <summary>Writes <paramref name="text"/> to a file in <see cref="Files"/> and returns its path.</summary>
    public string WriteFile(string name, string text)
    {
        string path = Path.Combine(Files, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleaning.
        }
    }
}
