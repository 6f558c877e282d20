using System.Diagnostics;
using SecondaryPortal.Dns.Tests.Support;

namespace SecondaryPortal.Dns.Tests.Tsig;

/// <summary>
/// A command-line tool (dig, kdig) run in the background while the test plays the server it queries;
/// killed on dispose if it is still running. (ExternalTool runs a tool to completion, which a test that
/// must answer the tool's query cannot wait for.)
/// </summary>
internal sealed class ToolProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private ToolProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static ToolProcess Start(string tool, string arguments)
    {
        var start = new ProcessStartInfo(ExternalTool.Find(tool), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return new ToolProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}"));
    }

    /// <summary>Waits for the tool to exit; kills it and throws when it takes longer than <paramref name="timeout"/>.</summary>
    public async Task<(int ExitCode, string Output)> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{_process.StartInfo.FileName} {_process.StartInfo.Arguments} did not finish in {timeout}");
        }
        return (_process.ExitCode, await _stdout + await _stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
