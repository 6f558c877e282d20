using SecondaryPortal.Dns.Tests.Support;
using System.Diagnostics;
using System.Text;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Interop;

/// <summary>A real name server (BIND 9, Knot) started on a free loopback port in a temporary folder, stopped on dispose.</summary>
internal abstract class ExternalServer : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    protected ExternalServer()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"sp-{GetType().Name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        Port = FreePort.Next();
    }

    public string Directory { get; }

    public int Port { get; }

    public TestDnsClient Client => new(Port);

    /// <summary>What the server printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            string text;
            lock (_output)
                text = _output.ToString();
            var lines = text.Split('\n');
            return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 30)));
        }
    }

    protected void Start(string fileName, string arguments)
    {
        var start = new ProcessStartInfo(ResolveTool(fileName), arguments)
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
                using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
                var answer = DnsMessage.Parse(await Client.QueryUdpAsync(query).WaitAsync(cancel.Token));
                if (answer.Rcode == DnsRcode.NoError && answer.Answers.Count > 0)
                    return;
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{GetType().Name} did not serve {zone} in time:\n{Output}");
    }

    /// <summary>Finds a tool in the usual places (/usr/sbin is not always on PATH).</summary>
    public static string ResolveTool(string name) => ExternalTool.Find(name);

    /// <summary>Runs a command-line tool to completion (bounded in time) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToolAsync(string name, string arguments, string? input = null)
    {
        var result = await ExternalTool.RunAsync(name, null, input, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return (result.ExitCode, result.AllOutput);
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
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
