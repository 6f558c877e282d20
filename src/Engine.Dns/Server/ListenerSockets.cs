using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// Binds the sockets of one endpoint: one TCP listener and one or more UDP sockets on the same port.
/// TCP is bound first, without SO_REUSEPORT, so that a second server started on the same port fails
/// there instead of silently sharing the UDP port with us; for port 0 the port TCP got is then bound
/// for UDP, retrying with a new port when UDP already has it.
/// </summary>
internal sealed class ListenerSockets : IDisposable
{
    private const int PortZeroAttempts = 20;
    private const int SolSocket = 1;       // SOL_SOCKET on Linux
    private const int SoReusePort = 15;    // SO_REUSEPORT on Linux
    private const int UdpReceiveBufferSize = 1 << 20; // absorbs bursts; the kernel caps it at net.core.rmem_max

    private ListenerSockets(IPEndPoint endpoint, Socket tcp, Socket[] udp)
    {
        Endpoint = endpoint;
        Tcp = tcp;
        Udp = udp;
    }

    /// <summary>The endpoint actually bound (the chosen port when 0 was asked for).</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>The listening TCP socket.</summary>
    public Socket Tcp { get; }

    /// <summary>The UDP sockets, all bound to <see cref="Endpoint"/>.</summary>
    public Socket[] Udp { get; }

    /// <summary>Binds <paramref name="requested"/> for TCP and UDP.</summary>
    /// <exception cref="IOException">A socket could not be bound; the message names the transport and endpoint.</exception>
    public static ListenerSockets Bind(IPEndPoint requested, int udpSockets, ILogger logger)
    {
        for (int attempt = 1; ; attempt++)
        {
            var tcp = BindTcp(requested);
            var endpoint = new IPEndPoint(requested.Address, ((IPEndPoint)tcp.LocalEndPoint!).Port);
            try
            {
                return new ListenerSockets(endpoint, tcp, BindUdp(endpoint, udpSockets, logger));
            }
            catch (SocketException exception) when (requested.Port == 0 && attempt < PortZeroAttempts
                && exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                tcp.Dispose(); // that port is free for TCP but taken for UDP: draw another
            }
            catch (SocketException exception)
            {
                tcp.Dispose();
                throw BindFailed("UDP", endpoint, exception);
            }
        }
    }

    public void Dispose()
    {
        Tcp.Dispose();
        foreach (var socket in Udp)
            socket.Dispose();
    }

    private static Socket BindTcp(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
                socket.DualMode = false;
            // On Unix SO_REUSEADDR only lets us rebind while old connections sit in TIME_WAIT (a restart);
            // a live listener still makes bind fail. On Windows it would allow stealing the port: not set there.
            if (!OperatingSystem.IsWindows())
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(endpoint);
            socket.Listen();
            return socket;
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw BindFailed("TCP", endpoint, exception);
        }
    }

    private static Socket[] BindUdp(IPEndPoint endpoint, int count, ILogger logger)
    {
        var sockets = new List<Socket>(count);
        try
        {
            bool reusePort = count > 1 && OperatingSystem.IsLinux();
            for (int i = 0; i < (reusePort ? count : 1); i++)
            {
                var socket = CreateUdp(endpoint.AddressFamily);
                sockets.Add(socket);
                if (reusePort && !TrySetReusePort(socket, endpoint, logger))
                    reusePort = false; // this first socket alone will serve the endpoint
                socket.Bind(endpoint);
            }
            return [.. sockets];
        }
        catch
        {
            foreach (var socket in sockets)
                socket.Dispose();
            throw;
        }
    }

    private static Socket CreateUdp(AddressFamily family)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        if (family == AddressFamily.InterNetworkV6)
            socket.DualMode = false;
        try
        {
            socket.ReceiveBufferSize = UdpReceiveBufferSize;
        }
        catch (SocketException)
        {
            // best effort
        }
        if (OperatingSystem.IsWindows())
            socket.IOControl(unchecked((int)0x9800000C), [0, 0, 0, 0], null); // SIO_UDP_CONNRESET off: an ICMP error must not fail the next receive
        return socket;
    }

    private static bool TrySetReusePort(Socket socket, IPEndPoint endpoint, ILogger logger)
    {
        try
        {
            socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.IsLittleEndian ? [1, 0, 0, 0] : [0, 0, 0, 1]);
            return true;
        }
        catch (SocketException exception)
        {
            logger.ReusePortUnavailable(exception.SocketErrorCode, endpoint);
            return false;
        }
    }

    private static IOException BindFailed(string transport, IPEndPoint endpoint, SocketException exception)
    {
        string reason = exception.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => "the port is already in use (another DNS server, or another instance of this one?)",
            SocketError.AddressNotAvailable => "the address is not assigned to any interface of this machine",
            SocketError.AccessDenied => "permission denied (ports below 1024 need root or CAP_NET_BIND_SERVICE)",
            _ => exception.Message,
        };
        return new IOException($"Cannot listen for DNS on {transport} {endpoint}: {reason}", exception);
    }
}
