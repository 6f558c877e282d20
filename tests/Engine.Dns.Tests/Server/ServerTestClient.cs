using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Server;

/// <summary>Starts servers on free loopback ports and talks to them, every wait bounded.</summary>
internal static class ServerTestClient
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>Options for the given addresses on port 0 (loopback when none), two UDP loops each.</summary>
    public static DnsServerOptions Options(params IPAddress[] addresses) => new()
    {
        Endpoints = (addresses.Length == 0 ? [IPAddress.Loopback] : addresses).Select(a => new IPEndPoint(a, 0)).ToArray(),
        UdpReceiveLoops = 2,
    };

    public static async Task<DnsServer> StartAsync(IDnsRequestHandler handler, DnsServerOptions? options = null, CapturingLogger? logger = null)
    {
        var server = new DnsServer(options ?? Options(), handler, logger);
        await server.StartAsync();
        return server;
    }

    public static byte[] Query(string name, RecordType type = RecordType.A, ushort id = 0x1234)
    {
        var buffer = new byte[512];
        int length = DnsMessage.CreateQuery(DnsName.Parse(name), type, id).WriteTo(buffer);
        return buffer[..length];
    }

    /// <summary>Sends one datagram and waits for the reply; null when none comes within <paramref name="wait"/>.</summary>
    public static async Task<byte[]?> UdpExchangeAsync(IPEndPoint server, byte[] query, TimeSpan? wait = null)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(server);
        await socket.SendAsync(query);
        var buffer = new byte[65535];
        using var cancel = new CancellationTokenSource(wait ?? Patience);
        try
        {
            int received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
            return buffer[..received];
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>A UDP exchange that must succeed, retried a few times (UDP may drop under a flood).</summary>
    public static async Task<DnsMessage> UdpQueryAsync(IPEndPoint server, string name, ushort id, int attempts = 1)
    {
        for (int attempt = 1; ; attempt++)
        {
            var reply = await UdpExchangeAsync(server, Query(name, RecordType.A, id), attempts == 1 ? Patience : TimeSpan.FromSeconds(1));
            if (reply is not null)
                return DnsMessage.Parse(reply);
            if (attempt >= attempts)
                throw new TimeoutException($"no UDP answer from {server} for {name} after {attempts} attempt(s)");
        }
    }

    public static async Task<Socket> ConnectTcpAsync(IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var cancel = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(server, cancel.Token);
        return socket;
    }

    public static byte[] Frame(params byte[][] messages)
    {
        var framed = new List<byte>();
        foreach (var message in messages)
        {
            framed.Add((byte)(message.Length >> 8));
            framed.Add((byte)message.Length);
            framed.AddRange(message);
        }
        return [.. framed];
    }

    public static async Task SendAsync(Socket socket, byte[] bytes)
    {
        using var cancel = new CancellationTokenSource(Patience);
        await socket.SendAsync(bytes, SocketFlags.None, cancel.Token);
    }

    /// <summary>Reads one framed message; null when the server closed the connection.</summary>
    public static async Task<byte[]?> ReadFramedAsync(Socket socket, TimeSpan? wait = null)
    {
        using var cancel = new CancellationTokenSource(wait ?? Patience);
        var prefix = new byte[2];
        if (!await ReadExactlyAsync(socket, prefix, cancel.Token))
            return null;
        var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        if (!await ReadExactlyAsync(socket, message, cancel.Token))
            throw new EndOfStreamException("the server closed the connection inside a message");
        return message;
    }

    public static async Task<DnsMessage> TcpQueryAsync(Socket socket, string name, ushort id)
    {
        await SendAsync(socket, Frame(Query(name, RecordType.A, id)));
        var reply = await ReadFramedAsync(socket) ?? throw new EndOfStreamException("the server closed the connection");
        return DnsMessage.Parse(reply);
    }

    /// <summary>Waits until the server closes the connection (end of stream or reset); false when it stays open.</summary>
    public static async Task<bool> WaitForCloseAsync(Socket socket, TimeSpan wait)
    {
        var buffer = new byte[4096];
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The A record's address in the first answer.</summary>
    public static byte[] AnswerAddress(DnsMessage message) =>
        Assert.IsType<SecondaryPortal.Dns.Records.AData>(Assert.Single(message.Answers).Data).Address.GetAddressBytes();

    private static async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        for (int read = 0; read < buffer.Length;)
        {
            int received = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken);
            if (received == 0)
            {
                if (read == 0)
                    return false;
                throw new EndOfStreamException("the connection ended inside a message");
            }
            read += received;
        }
        return true;
    }
}
