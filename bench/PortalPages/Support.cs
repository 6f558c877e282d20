using System.Diagnostics;
using Microsoft.Playwright;

namespace SecondaryPortal.Bench.PortalPages;

/// <summary>The portal binary's command-line verbs, run on a data folder before the server starts.</summary>
internal static class PortalCli
{
    /// <summary>Runs a verb of the portal binary on <paramref name="data"/>; throws unless it exits 0.</summary>
    public static async Task RunAsync(string dll, string data, params string[] verb)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = data, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])[dll, .. verb, $"--Storage:DataDirectory={data}"])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run the CLI");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', verb)} exited with {process.ExitCode}: {await output}{await errors}");
    }
}

/// <summary>
/// A page's Blazor circuit seen from the browser: its <c>_blazor</c> WebSocket, the frames the server sent over it, and
/// whether it is still open.
/// </summary>
internal sealed class WebSocketWatch
{
    private readonly TaskCompletionSource<IWebSocket> _socket = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _framesReceived;
    private bool _closed;

    public WebSocketWatch(IPage page)
    {
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("_blazor", StringComparison.Ordinal))
                return;
            socket.FrameReceived += (_, _) => Interlocked.Increment(ref _framesReceived);
            socket.Close += (_, _) => _closed = true;
            _socket.TrySetResult(socket);
        };
    }

    public bool Open => _socket.Task.IsCompletedSuccessfully && !_closed;

    /// <summary>Waits for the circuit's socket and for the server's first messages over it (the handshake, then render batches).</summary>
    public async Task WaitForCircuitAsync()
    {
        await _socket.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Volatile.Read(ref _framesReceived) < 3)
        {
            if (DateTime.UtcNow > deadline || _closed)
                throw new InvalidOperationException($"the circuit did not start ({_framesReceived} frames, closed {_closed})");
            await Task.Delay(50);
        }
    }
}
