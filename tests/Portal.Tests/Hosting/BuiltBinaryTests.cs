using System.Diagnostics;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Hosting;

/// <summary>The built binary as a separate process: configuration found beside it and in the current directory.</summary>
public sealed class BuiltBinaryTests
{
    private static readonly string Binary = Path.Combine(AppContext.BaseDirectory, "SecondaryPortal.Portal.dll");

    [Fact]
    public async Task Verb_RunFromAFolderWithoutConfiguration_UsesTheDefaultsBesideTheBinaryAndExits0()
    {
        using var temp = new TempDataDirectory();
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")), "the build copies the root appsettings.json beside the binary");

        var run = await RunAsync(temp.Files, "zone", "list", temp.Override);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No zones are stored", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Data, "secondaryportal.db")));
    }

    [Fact]
    public async Task Verb_RunFromAFolderWithAppSettings_ReadsThatFile()
    {
        using var temp = new TempDataDirectory();
        string configured = Path.Combine(temp.Root, "configured-data");
        temp.WriteFile("appsettings.json", $$"""{ "Storage": { "DataDirectory": "{{configured.Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");
        string zone = temp.WriteFile("example.zone", ZoneTexts.Simple("example.com.", 3));

        var run = await RunAsync(temp.Files, "zone", "import", "example.com.", "example.zone");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(configured, "secondaryportal.db")));
        Assert.True(File.Exists(zone));
    }

    [Fact]
    public async Task Verb_WithTheDataDirectoryInAnEnvironmentVariable_UsesIt()
    {
        using var temp = new TempDataDirectory();

        var run = await RunAsync(temp.Files, new Dictionary<string, string> { ["Storage__DataDirectory"] = temp.Data }, "zone", "list");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(temp.Data, "secondaryportal.db")));
    }

    [Fact]
    public async Task Verb_WithABadFile_Exits1AndNamesTheLine()
    {
        using var temp = new TempDataDirectory();
        temp.WriteFile("bad.zone", "$ORIGIN example.com.\n@ 300 IN SOA ns1 hostmaster 1 2 3 4 5\nwww 300 IN AAAA not-an-address\n");

        var run = await RunAsync(temp.Files, "zone", "import", "example.com.", "bad.zone", temp.Override);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: bad.zone:3:", run.Error, StringComparison.Ordinal);
    }

    private static Task<CliRun> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    private static async Task<CliRun> RunAsync(string workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add(Binary);
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CliRun(process.ExitCode, await output, await error);
    }
}
