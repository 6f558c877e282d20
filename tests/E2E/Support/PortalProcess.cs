using System.Diagnostics;
using System.Net;
using System.Text;

namespace SecondaryPortal.E2E.Tests.Support;

/// <summary>
/// The real portal process (<c>dotnet SecondaryPortal.Portal.dll</c>, as an operator runs it) on free loopback ports
/// with a fresh data directory; killed and its folder deleted on dispose.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PortalProcess(Process process, string dataDirectory, int webPort, int dnsPort)
    {
        _process = process;
        DataDirectory = dataDirectory;
        Address = new Uri($"http://127.0.0.1:{webPort}");
        DnsEndPoint = new IPEndPoint(IPAddress.Loopback, dnsPort);
    }

    public Uri Address { get; }

    /// <summary>The app's process id (the dotnet host runs it in process): where its memory is read.</summary>
    public int Pid => _process.Id;

    /// <summary>Our DNS listener (UDP and TCP).</summary>
    public IPEndPoint DnsEndPoint { get; }

    public string DataDirectory { get; }

    /// <summary>What the process printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>
    /// Starts the portal; <paramref name="dnsPort"/> may be chosen beforehand (a primary must know where to send NOTIFY);
    /// <paramref name="settings"/> are more command-line settings ("--Analytics:FlushInterval=00:00:01"). Customers may give
    /// loopback primaries (<c>Sites:AllowPrivatePrimaries</c>), since the tests' BIND runs on 127.0.0.1.
    /// </summary>
    public static Task<PortalProcess> StartAsync(int? dnsPort = null, params string[] settings)
    {
        if (!File.Exists(RepositoryPaths.PortalBinary))
            throw new InvalidOperationException($"{RepositoryPaths.PortalBinary} is missing: build the solution first (scripts/test.sh does)");
        string data = Path.Combine(Path.GetTempPath(), "sp-e2e-" + Guid.NewGuid().ToString("N"));
        return StartAsync(RepositoryPaths.PortalBinary, data, dnsPort, settings);
    }

    /// <summary>Starts the portal binary <paramref name="binary"/> on <paramref name="data"/> (made when missing; deleted on dispose).</summary>
    public static async Task<PortalProcess> StartAsync(string binary, string data, int? dnsPort, params string[] settings)
    {
        Directory.CreateDirectory(data);
        int web = FreePort.Next();
        int dns = dnsPort ?? FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = data,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[binary, $"--urls=http://127.0.0.1:{web}", $"--Dns:Listen:0=127.0.0.1:{dns}", $"--Storage:DataDirectory={data}",
                     "--Sites:AllowPrivatePrimaries=true", .. settings]) // customers' primaries are BIND on loopback here
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the portal");
        var portal = new PortalProcess(process, data, web, dns);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await portal.WaitUntilHealthyAsync();
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
        return portal;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException("the portal exited at start:\n" + Output);
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("the portal did not become healthy within 60 s:\n" + Output);
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
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // left to the system's temp cleaning
        }
    }
}
