using System.Diagnostics;

namespace SecondaryPortal.Testing;

/// <summary>Runs a command-line tool of the peers (named-compilezone, dnssec-keygen, nsupdate, dig ...), bounded in time.</summary>
public static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        /// <summary>Standard output and standard error together, for assertion messages.</summary>
        public string AllOutput => Output + Errors;
    }

    /// <summary>The tool's full path: PATH first, then the sbin folders, which are not always on PATH.</summary>
    public static string Find(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin"]);
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{name} is not installed; scripts/test.sh installs the Debian packages the tests need");
    }

    /// <summary>Runs the tool to completion, feeding <paramref name="input"/> to its standard input when given.</summary>
    public static async Task<Result> RunAsync(string name, string? workingDirectory, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(name))
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {name}");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} did not finish within {Timeout}");
        }
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>The synchronous form, for tests that are not async.</summary>
    public static Result Run(string name, string workingDirectory, params string[] arguments) =>
        RunAsync(name, workingDirectory, null, arguments).GetAwaiter().GetResult();
}
