using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Testing;

/// <summary>Finds a loopback port free for both UDP and TCP.</summary>
public static class FreePort
{
    public static int Next()
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            int port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException("no free loopback port");
    }
}
