using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// The DNS listeners: UDP and TCP on every configured endpoint, passing each request to an
/// <see cref="IDnsRequestHandler"/> and sending back what it writes.
/// <para>
/// UDP: per endpoint, <see cref="DnsServerOptions.UdpReceiveLoops"/> sockets sharing the port through
/// SO_REUSEPORT (Linux), each served by its own thread with buffers allocated once: no allocation per
/// datagram. TCP (RFC 7766): connections carry many requests, pipelined, answered in order; idle ones
/// are closed after <see cref="DnsServerOptions.TcpIdleTimeout"/>; at
/// <see cref="DnsServerOptions.MaxTcpConnections"/> the least recently active connection makes room
/// for a new one. With an <see cref="IDnsStreamHandler"/>, a TCP request it claims (a zone transfer) is
/// answered by a stream of messages, each written as it is produced.
/// </para>
/// </summary>
public sealed class DnsServer : IAsyncDisposable
{
    private const int NotStarted = 0, Running = 1, Stopped = 2;

    private readonly DnsServerOptions _options;
    private readonly ListenerServices _services;
    private readonly ILogger _logger;
    private readonly List<UdpServingLoop> _udpLoops = [];
    private readonly List<TcpAcceptLoop> _acceptLoops = [];
    private TcpConnectionTable? _connections;
    private int _state;

    /// <summary>Creates a server; nothing is bound until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Where and how to listen.</param>
    /// <param name="handler">Answers every request, one response each.</param>
    /// <param name="logger">The listeners' log.</param>
    /// <param name="streams">Offered every TCP request first; answers those it claims with a stream of messages.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public DnsServer(DnsServerOptions options, IDnsRequestHandler handler, ILogger<DnsServer>? logger = null, IDnsStreamHandler? streams = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger<DnsServer>.Instance;
        _services = new ListenerServices(handler, _logger, streams);
    }

    /// <summary>The UDP endpoints bound, one per configured endpoint, with the actual port; empty before start.</summary>
    public IReadOnlyList<IPEndPoint> BoundUdpEndpoints { get; private set; } = [];

    /// <summary>The TCP endpoints bound, one per configured endpoint, with the actual port; empty before start.</summary>
    public IReadOnlyList<IPEndPoint> BoundTcpEndpoints { get; private set; } = [];

    /// <summary>Open TCP connections (for tests and diagnostics).</summary>
    internal int OpenTcpConnections => _connections?.Count ?? 0;

    /// <summary>
    /// Binds every endpoint and starts serving. Binding is all or nothing: when one endpoint fails, what
    /// was bound is released and the error names the transport and endpoint.
    /// </summary>
    /// <exception cref="IOException">An endpoint could not be bound (port in use, address not local, no permission).</exception>
    /// <exception cref="InvalidOperationException">The server was already started.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Interlocked.CompareExchange(ref _state, Running, NotStarted) != NotStarted)
                throw new InvalidOperationException("a DnsServer can be started once");
            Start();
            return Task.CompletedTask;
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }
    }

    /// <summary>
    /// Stops the receive loops, closes the sockets and every open TCP connection, and waits for the loops
    /// to end; the ports are free when the task completes. Safe to call more than once.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _state, Stopped) != Running)
            return;
        foreach (var loop in _acceptLoops)
            loop.Stop();
        foreach (var loop in _udpLoops)
            loop.Stop();
        var closing = _connections?.CloseAllAsync() ?? Task.CompletedTask;
        await Task.WhenAll(_udpLoops.Select(l => l.Completion).Concat(_acceptLoops.Select(l => l.Completion)).Append(closing)).ConfigureAwait(false);
        _connections?.Dispose();
        _logger.Stopped();
    }

    /// <summary>Stops the server (<see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private void Start()
    {
        var bound = new List<ListenerSockets>();
        try
        {
            foreach (var endpoint in _options.Endpoints)
                bound.Add(ListenerSockets.Bind(endpoint, _options.UdpReceiveLoops, _logger));
        }
        catch
        {
            foreach (var sockets in bound)
                sockets.Dispose();
            Volatile.Write(ref _state, Stopped);
            throw;
        }
        _connections = new TcpConnectionTable(_options.MaxTcpConnections, _options.TcpIdleTimeout, _services);
        foreach (var sockets in bound)
        {
            for (int i = 0; i < sockets.Udp.Length; i++)
                _udpLoops.Add(LinuxMultiMessage.IsSupported && _options.UdpBatching
                    ? new UdpBatchLoop(sockets.Udp[i], sockets.Endpoint, i, _services)
                    : new UdpReceiveLoop(sockets.Udp[i], sockets.Endpoint, i, _services));
            _acceptLoops.Add(new TcpAcceptLoop(sockets.Tcp, sockets.Endpoint, _connections, _services));
            _logger.Listening(DnsTransport.Udp, sockets.Endpoint, sockets.Udp.Length);
            _logger.Listening(DnsTransport.Tcp, sockets.Endpoint, 1);
        }
        BoundUdpEndpoints = bound.Select(s => s.Endpoint).ToArray();
        BoundTcpEndpoints = bound.Select(s => s.Endpoint).ToArray();
        foreach (var loop in _udpLoops)
            loop.Start();
        foreach (var loop in _acceptLoops)
            loop.Start();
    }
}
