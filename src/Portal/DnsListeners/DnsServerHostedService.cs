using System.Net;
using SecondaryPortal.Dns.Server;

namespace SecondaryPortal.Portal.DnsListeners;

/// <summary>
/// Runs the DNS listeners (UDP and TCP on every <c>Dns:Listen</c> endpoint) for the host's lifetime, with the stream
/// handler (zone transfers over TCP) when one is registered.
/// </summary>
public sealed partial class DnsServerHostedService(
    DnsServerOptions options,
    IDnsRequestHandler handler,
    ILoggerFactory loggerFactory,
    IDnsStreamHandler? streams = null) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<DnsServerHostedService>();
    private DnsServer? _server;

    /// <summary>The UDP endpoints actually bound (ports resolved when 0 was configured); empty before start.</summary>
    public IReadOnlyList<IPEndPoint> UdpEndpoints => _server?.BoundUdpEndpoints ?? [];

    /// <summary>The TCP endpoints actually bound; empty before start.</summary>
    public IReadOnlyList<IPEndPoint> TcpEndpoints => _server?.BoundTcpEndpoints ?? [];

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _server = new DnsServer(options, handler, loggerFactory.CreateLogger<DnsServer>(), streams);
        await _server.StartAsync(cancellationToken);
        foreach (var endpoint in _server.BoundUdpEndpoints)
            LogListening(endpoint.ToString());
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
            await _server.StopAsync();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DNS listening on {Endpoint} (UDP and TCP)")]
    private partial void LogListening(string endpoint);
}
