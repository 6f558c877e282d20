using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;

namespace SecondaryPortal.Bench.PortalPages;

/// <summary>
/// The published portal as an operator runs it (<c>dotnet SecondaryPortal.Portal.dll</c>, the app in the dotnet process
/// itself, so its PID is the one to read PSS from) on free loopback ports with the given data folder; killed on dispose.
/// Like tests/E2E/Support/PortalProcess.cs, except that the data folder is made first (zones are imported into it).
/// </summary>
internal sealed class PortalServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PortalServer(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Runs a CLI verb of the portal binary on <paramref name="data"/>; throws unless it exits 0.</summary>
    public static async Task RunCliAsync(string dll, string data, params string[] verb)
    {
        var start = Info(dll, data, [.. verb, $"--Storage:DataDirectory={data}"]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run the CLI");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', verb)} exited with {process.ExitCode}: {await output}{await errors}");
    }

    public static async Task<PortalServer> StartAsync(string dll, string data, int dnsPort)
    {
        int web = FreePort.Next();
        var start = Info(dll, data, [$"--urls=http://127.0.0.1:{web}", $"--Dns:Listen:0=127.0.0.1:{dnsPort}", $"--Storage:DataDirectory={data}", "--Sites:AllowPrivatePrimaries=true"]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the portal");
        var server = new PortalServer(process, $"http://127.0.0.1:{web}");
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private static ProcessStartInfo Info(string dll, string data, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = data, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Address), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException("the portal exited at start:\n" + Output);
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("the portal did not become healthy within 90 s:\n" + Output);
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
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
