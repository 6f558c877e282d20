using Microsoft.Extensions.Configuration.Json;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>
/// Where the configuration comes from, the same for the server and every command-line verb. In order, later
/// sources winning: appsettings.json beside the binary (the build copies the repository's file there, so the
/// built app has its defaults wherever it runs); appsettings.json in the current directory when there is one
/// (the repository root under <c>dotnet run --project src/Portal</c>, so edits apply without a rebuild);
/// environment variables (<c>Dns__Listen__0=...</c>); the command line (<c>--Dns:Listen:0=127.0.0.1:5353</c>).
/// </summary>
public static class PortalConfiguration
{
    /// <summary>The configuration file's name.</summary>
    public const string FileName = "appsettings.json";

    /// <summary>The configuration file in the current directory, when it is not the one beside the binary.</summary>
    public static string? WorkingDirectoryFile()
    {
        string local = Path.GetFullPath(FileName);
        string beside = Path.Combine(AppContext.BaseDirectory, FileName);
        bool same = string.Equals(Path.GetFullPath(beside), local, StringComparison.Ordinal);
        return !same && File.Exists(local) ? local : null;
    }

    /// <summary>
    /// Adds the current directory's appsettings.json to a web application's configuration, right after the
    /// JSON files the host already added (so environment variables and the command line still win).
    /// </summary>
    public static void AddWorkingDirectoryFile(ConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (WorkingDirectoryFile() is not { } file)
            return;
        var sources = configuration.Sources;
        int lastJson = -1;
        for (int i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource)
                lastJson = i;
        }
        var source = new JsonConfigurationSource { Path = file, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(lastJson + 1, source);
    }

    /// <summary>The whole configuration for a command-line verb: the same files, environment and overrides as the server.</summary>
    public static IConfigurationRoot BuildForCommandLine(IEnumerable<string> overrides)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, FileName), optional: true, reloadOnChange: false);
        if (WorkingDirectoryFile() is { } file)
            builder.AddJsonFile(file, optional: true, reloadOnChange: false);
        return builder
            .AddEnvironmentVariables()
            .AddCommandLine(overrides.ToArray())
            .Build();
    }
}
