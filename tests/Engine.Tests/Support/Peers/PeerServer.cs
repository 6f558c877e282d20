using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Tests.Support.Peers;

/// <summary>
/// A real name server (BIND 9, Knot) on a free loopback port in a temporary folder; stopped on dispose. Adapted from
/// Engine.Dns.Tests/Interop/ExternalServer.cs, with a stop and a start again on the same port (a primary going down and
/// coming back).
/// </summary>
public abstract class PeerServer : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;
    private (string File, string Arguments)? _command;

    protected PeerServer()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"sp-{GetType().Name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        Port = FreePort.Next();
    }

    public string Directory { get; }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    /// <summary>The last lines the server printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            string text;
            lock (_output)
                text = _output.ToString();
            var lines = text.Split('\n');
            return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 40)));
        }
    }

    protected void Start(string fileName, string arguments)
    {
        _command = (fileName, arguments);
        var start = new ProcessStartInfo(ExternalTool.Find(fileName), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Kills the server (no clean shutdown: as when it dies).</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again with the same configuration and port, and waits until it serves <paramref name="zone"/>.</summary>
    public async Task StartAgainAsync(string zone)
    {
        var (file, arguments) = _command ?? throw new InvalidOperationException("never started");
        Start(file, arguments);
        await WaitUntilServingAsync(zone);
    }

    /// <summary>Sends SIGHUP (BIND reloads its configuration and zone files).</summary>
    public async Task SignalReloadAsync()
    {
        var result = await ExternalTool.RunAsync("kill", null, null, "-HUP", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(result.ExitCode == 0, result.AllOutput);
    }

    /// <summary>Waits until the server answers a SOA query for <paramref name="zone"/> with NOERROR.</summary>
    public async Task WaitUntilServingAsync(string zone)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var query = DnsMessage.CreateQuery(DnsName.Parse(zone), RecordType.SOA, 1).ToArray();
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true })
                throw new InvalidOperationException($"{GetType().Name} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var udp = new UdpClient(AddressFamily.InterNetwork);
                await udp.SendAsync(query, EndPoint);
                using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
                var answer = DnsMessage.Parse((await udp.ReceiveAsync(cancel.Token)).Buffer);
                if (answer.Rcode == DnsRcode.NoError && answer.Answers.Count > 0)
                    return;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{GetType().Name} did not serve {zone} in time:\n{Output}");
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
        await KillAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
