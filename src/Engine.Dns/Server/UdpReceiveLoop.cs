using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// One UDP socket served by a dedicated thread: blocking receive, answer, send, with buffers allocated
/// once, so a datagram costs no allocation. Several loops share an endpoint through SO_REUSEPORT, the
/// kernel spreading datagrams among them. Closing the socket ends the loop.
/// </summary>
internal sealed class UdpReceiveLoop(Socket socket, IPEndPoint endpoint, int index, ListenerServices services)
    : UdpServingLoop(socket, endpoint, index, services)
{
    /// <summary>The largest UDP payload (65,535 less the UDP header): any datagram fits, nothing is truncated.</summary>
    private const int MaxDatagram = ushort.MaxValue;

    protected override void Run()
    {
        var request = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        var response = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        var remote = new SocketAddress(Socket.AddressFamily, SocketAddress.GetMaximumAddressSize(Socket.AddressFamily));
        while (!Stopping)
            ServeOne(request, response, remote);
    }

    private void ServeOne(byte[] request, byte[] response, SocketAddress remote)
    {
        int received;
        try
        {
            received = Socket.ReceiveFrom(request, SocketFlags.None, remote);
        }
        catch (SocketException exception) when (!Stopping)
        {
            // e.g. ICMP errors surfacing on some systems, or a datagram too large: this one is lost, not the loop
            Services.UdpReceiveFailed(Endpoint, exception);
            return;
        }
        int length = Services.Answer(request.AsSpan(0, received), response, new DnsRequestContext(DnsTransport.Udp, remote));
        if (length <= 0)
            return;
        try
        {
            Socket.SendTo(response.AsSpan(0, length), SocketFlags.None, remote);
        }
        catch (SocketException exception) when (!Stopping)
        {
            // unreachable client, a response larger than the path allows, a spoofed broadcast source...
            Services.UdpSendFailed(length, remote, exception);
        }
    }
}
