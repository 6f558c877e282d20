using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Testing;

/// <summary>
/// Finds a loopback port free for both UDP and TCP. A port is handed out once per test process: a test often takes
/// several ports before anything binds them (our DNS port for a primary's NOTIFY, then the primary's, then the web
/// port), and the kernel may offer a just-released port again.
/// </summary>
public static class FreePort
{
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Next()
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            int port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                if (HandedOut.TryAdd(port, true))
                    return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException("no free loopback port");
    }
}
