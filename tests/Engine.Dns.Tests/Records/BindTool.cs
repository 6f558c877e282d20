using System.Diagnostics;

namespace SecondaryPortal.Dns.Tests.Records;

/// <summary>Runs one of BIND's command-line tools (named-compilezone, dnssec-keygen ...) and collects its output.</summary>
internal static class BindTool
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    /// <summary>The tool's path in /usr/bin or /usr/sbin; fails the test when BIND is not installed.</summary>
    public static string Find(string name)
    {
        foreach (var directory in new[] { "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin" })
        {
            string path = Path.Combine(directory, name);
            if (File.Exists(path))
                return path;
        }
        Assert.Fail($"{name} is not installed (Debian package bind9-utils)");
        return name;
    }

    public static async Task<Result> RunAsync(string name, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(name))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
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
        return new Result(process.ExitCode, await output, await errors);
    }
}
