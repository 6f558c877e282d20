using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// One UDP socket served by a dedicated thread: blocking receive, answer, send, with buffers allocated
/// once, so a datagram costs no allocation. Several loops share an endpoint through SO_REUSEPORT, the
/// kernel spreading datagrams among them. Closing the socket ends the loop.
/// </summary>
internal sealed class UdpReceiveLoop : IUdpServingLoop
{
    /// <summary>The largest UDP payload (65,535 less the UDP header): any datagram fits, nothing is truncated.</summary>
    private const int MaxDatagram = ushort.MaxValue;

    private readonly Socket _socket;
    private readonly IPEndPoint _endpoint;
    private readonly ListenerServices _services;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;

    public UdpReceiveLoop(Socket socket, IPEndPoint endpoint, int index, ListenerServices services)
    {
        _socket = socket;
        _endpoint = endpoint;
        _services = services;
        _thread = new Thread(Run) { IsBackground = true, Name = $"DNS UDP {endpoint} #{index}" };
    }

    /// <summary>Completes when the thread has left its loop.</summary>
    public Task Completion => _completion.Task;

    public void Start() => _thread.Start();

    /// <summary>Closes the socket, which wakes the blocked receive with an error the loop takes as "stop".</summary>
    public void Stop()
    {
        _stopping = true;
        _socket.Dispose();
    }

    private void Run()
    {
        try
        {
            var request = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
            var response = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
            var remote = new SocketAddress(_socket.AddressFamily, SocketAddress.GetMaximumAddressSize(_socket.AddressFamily));
            while (!_stopping)
                ServeOne(request, response, remote);
        }
        catch (Exception) when (_stopping)
        {
            // the socket was closed under the blocked call: the expected way out
        }
        finally
        {
            _completion.TrySetResult();
        }
    }

    private void ServeOne(byte[] request, byte[] response, SocketAddress remote)
    {
        int received;
        try
        {
            received = _socket.ReceiveFrom(request, SocketFlags.None, remote);
        }
        catch (SocketException exception) when (!_stopping)
        {
            // e.g. ICMP errors surfacing on some systems, or a datagram too large: this one is lost, not the loop
            _services.UdpReceiveFailed(_endpoint, exception);
            return;
        }
        int length = _services.Answer(request.AsSpan(0, received), response, new DnsRequestContext(DnsTransport.Udp, remote));
        if (length <= 0)
            return;
        try
        {
            _socket.SendTo(response.AsSpan(0, length), SocketFlags.None, remote);
        }
        catch (SocketException exception) when (!_stopping)
        {
            // unreachable client, a response larger than the path allows, a spoofed broadcast source...
            _services.UdpSendFailed(length, remote, exception);
        }
    }
}
