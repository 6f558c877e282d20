using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Tests.Interop;
using SecondaryPortal.Dns.Transfer;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>One TCP connection to a <see cref="FakePrimary"/>: the request read, and ways to answer it, well or badly.</summary>
internal sealed class FakeTcpConnection(int index, NetworkStream stream, byte[] requestBytes, CancellationToken stop)
{
    /// <summary>0 for the first connection the server accepted, 1 for the next ...</summary>
    public int Index { get; } = index;

    public byte[] RequestBytes { get; } = requestBytes;

    public DnsMessage Request { get; } = DnsMessage.Parse(requestBytes);

    /// <summary>Sends one framed message.</summary>
    public Task SendAsync(byte[] message) => TcpMessageFraming.WriteAsync(stream, message, stop).AsTask();

    /// <summary>Sends every message in order.</summary>
    public async Task SendAllAsync(IEnumerable<byte[]> messages)
    {
        foreach (var message in messages)
            await SendAsync(message);
    }

    /// <summary>Sends octets as they are (a cut message, a bad length prefix).</summary>
    public Task SendRawAsync(byte[] octets) => stream.WriteAsync(octets, stop).AsTask();

    /// <summary>Keeps the connection open and silent until the server stops.</summary>
    public async Task HangAsync()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <summary>
/// A primary written in the test: a TCP listener and a UDP socket on one loopback port, answering with byte streams
/// the test builds with our encoder. Each TCP connection's request is read and handed to the test's handler; the
/// connection closes when the handler returns. Stopped on dispose.
/// </summary>
internal sealed class FakePrimary : IAsyncDisposable
{
    private readonly TcpListener _tcp;
    private readonly UdpClient _udp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<FakeTcpConnection, Task>? _onTcp;
    private readonly Func<byte[], int, IEnumerable<byte[]>>? _onUdp;
    private readonly List<Task> _tasks = [];
    private int _tcpConnections;
    private int _datagrams;

    private FakePrimary(Func<FakeTcpConnection, Task>? onTcp, Func<byte[], int, IEnumerable<byte[]>>? onUdp)
    {
        _onTcp = onTcp;
        _onUdp = onUdp;
        int port = FreePort.Next();
        _tcp = new TcpListener(IPAddress.Loopback, port);
        _tcp.Start();
        _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>TCP connections accepted so far.</summary>
    public int TcpConnections => Volatile.Read(ref _tcpConnections);

    /// <summary>UDP datagrams received so far.</summary>
    public int Datagrams => Volatile.Read(ref _datagrams);

    /// <summary>Every request received, in order of arrival (UDP and TCP).</summary>
    public ConcurrentQueue<DnsMessage> Requests { get; } = new();

    /// <summary>
    /// Starts a fake primary. <paramref name="onTcp"/> answers each TCP connection; <paramref name="onUdp"/> gets each
    /// datagram and its number (0 for the first) and returns the datagrams to send back (none to stay silent).
    /// </summary>
    public static FakePrimary Start(Func<FakeTcpConnection, Task>? onTcp = null, Func<byte[], int, IEnumerable<byte[]>>? onUdp = null)
    {
        var server = new FakePrimary(onTcp, onUdp);
        server._tasks.Add(Task.Run(server.AcceptLoopAsync));
        server._tasks.Add(Task.Run(server.UdpLoopAsync));
        return server;
    }

    private async Task AcceptLoopAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _tcp.AcceptTcpClientAsync(_stop.Token);
                int index = Interlocked.Increment(ref _tcpConnections) - 1;
                connections.Add(Task.Run(() => ServeAsync(client, index)));
            }
        }
        // InvalidOperationException: disposed before this loop's first accept (the listener is already stopped).
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
        }
        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client, int index)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await TcpMessageFraming.ReadAsync(stream, _stop.Token);
                if (request is null)
                    return;
                var connection = new FakeTcpConnection(index, stream, request, _stop.Token);
                Requests.Enqueue(connection.Request);
                if (_onTcp is not null)
                    await _onTcp(connection);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client went away, or the server is stopping.
            }
        }
    }

    private async Task UdpLoopAsync()
    {
        try
        {
            while (true)
            {
                var received = await _udp.ReceiveAsync(_stop.Token);
                int index = Interlocked.Increment(ref _datagrams) - 1;
                Requests.Enqueue(DnsMessage.Parse(received.Buffer));
                foreach (var answer in _onUdp?.Invoke(received.Buffer, index) ?? [])
                    await _udp.SendAsync(answer, received.RemoteEndPoint, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _tcp.Stop();
        _udp.Dispose();
        await Task.WhenAll(_tasks);
        _stop.Dispose();
    }
}
