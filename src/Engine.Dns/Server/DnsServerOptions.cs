using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Dns.Server;

/// <summary>Where and how a <see cref="DnsServer"/> listens.</summary>
public sealed record DnsServerOptions
{
    /// <summary>The default endpoint: loopback, port 5300 (the product's configured default, `Dns:Listen`).</summary>
    public static readonly IPEndPoint DefaultEndpoint = new(IPAddress.Loopback, 5300);

    /// <summary>
    /// Addresses to listen on, each over both UDP and TCP. IPv4 and IPv6 are bound separately (IPv6
    /// sockets are v6-only), so 0.0.0.0 and :: can both be listed. Port 0 picks a free port, the same
    /// one for UDP and TCP.
    /// </summary>
    public IReadOnlyList<IPEndPoint> Endpoints { get; init; } = [DefaultEndpoint];

    /// <summary>
    /// UDP sockets (each with its own receive thread) per endpoint, sharing the port through
    /// SO_REUSEPORT on Linux; elsewhere one socket is used whatever this says.
    /// </summary>
    public int UdpReceiveLoops { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// On 64-bit Linux, serve UDP with recvmmsg/sendmmsg (many datagrams per system call) rather than one
    /// receive and one send per query. On by default; off falls back to the portable loop.
    /// </summary>
    public bool UdpBatching { get; init; } = true;

    /// <summary>
    /// Open TCP connections allowed across all endpoints (RFC 7766 §10). When a new connection arrives
    /// at the limit, the connection that has made no progress for the longest time is closed to make room.
    /// </summary>
    public int MaxTcpConnections { get; init; } = 1024;

    /// <summary>
    /// A TCP connection that neither completes a request nor a response for this long is closed
    /// (RFC 7766 §6.2.3: seconds, not minutes, for a server).
    /// </summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Parses "address:port": "127.0.0.1:5300", "0.0.0.0:53", "[::1]:5300", "[fe80::1%2]:53".
    /// An IPv6 address must be in brackets; the port is required (0 picks a free one).
    /// </summary>
    /// <exception cref="FormatException">The text is not an address and port; the message says why.</exception>
    public static IPEndPoint ParseEndpoint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string value = text.Trim();
        string addressText, portText;
        bool bracketed = value.StartsWith('[');
        if (bracketed)
        {
            int close = value.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
                throw Invalid(text, "an IPv6 address in brackets must be followed by :port, as in [::1]:5300");
            addressText = value[1..close];
            portText = value[(close + 2)..];
        }
        else
        {
            int colon = value.LastIndexOf(':');
            if (colon < 0)
                throw Invalid(text, "the port is missing, as in 127.0.0.1:5300");
            addressText = value[..colon];
            portText = value[(colon + 1)..];
            if (addressText.Contains(':'))
                throw Invalid(text, "an IPv6 address needs brackets, as in [::1]:5300");
        }
        if (!IPAddress.TryParse(addressText, out var address) || !LooksLikeAddress(addressText, address))
            throw Invalid(text, $"'{addressText}' is not an IP address");
        if (bracketed && address.AddressFamily != AddressFamily.InterNetworkV6)
            throw Invalid(text, "brackets are for IPv6 addresses; write an IPv4 address without them");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > IPEndPoint.MaxPort)
            throw Invalid(text, $"'{portText}' is not a port number between 0 and 65535");
        return new IPEndPoint(address, port);
    }

    /// <summary>Checks the options; throws with a message naming the bad setting.</summary>
    internal void Validate()
    {
        if (Endpoints is null || Endpoints.Count == 0)
            throw new ArgumentException("at least one DNS listen endpoint is required", nameof(Endpoints));
        if (Endpoints.Any(e => e is null))
            throw new ArgumentException("a DNS listen endpoint is null", nameof(Endpoints));
        if (Endpoints.Any(e => e.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)))
            throw new ArgumentException("DNS listen endpoints must be IPv4 or IPv6", nameof(Endpoints));
        var duplicate = Endpoints.Where(e => e.Port != 0).GroupBy(e => e).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"the DNS listen endpoint {duplicate.Key} is listed twice", nameof(Endpoints));
        if (UdpReceiveLoops < 1)
            throw new ArgumentOutOfRangeException(nameof(UdpReceiveLoops), UdpReceiveLoops, "at least one UDP receive loop is required");
        if (MaxTcpConnections < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxTcpConnections), MaxTcpConnections, "at least one TCP connection must be allowed");
        if (TcpIdleTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(TcpIdleTimeout), TcpIdleTimeout, "the TCP idle timeout must be positive");
    }

    // IPAddress.TryParse accepts "1" or "10.1" as IPv4 shorthand; a listen address is written in full.
    private static bool LooksLikeAddress(string text, IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3;

    private static FormatException Invalid(string text, string reason) =>
        new($"'{text}' is not a DNS listen endpoint: {reason}");
}
