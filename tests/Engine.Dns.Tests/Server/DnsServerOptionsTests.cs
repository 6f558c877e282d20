using System.Net;
using SecondaryPortal.Dns.Server;

namespace SecondaryPortal.Dns.Tests.Server;

public sealed class DnsServerOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1:5300", "127.0.0.1", 5300)]
    [InlineData("0.0.0.0:53", "0.0.0.0", 53)]
    [InlineData("[::1]:5300", "::1", 5300)]
    [InlineData("[::]:0", "::", 0)]
    [InlineData("[2001:db8::53]:65535", "2001:db8::53", 65535)]
    [InlineData("  192.0.2.1:53 ", "192.0.2.1", 53)]
    public void ParseEndpoint_ReadsAddressAndPort(string text, string address, int port)
    {
        var endpoint = DnsServerOptions.ParseEndpoint(text);

        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), endpoint);
    }

    [Fact]
    public void ParseEndpoint_KeepsAnIPv6ScopeId()
    {
        var endpoint = DnsServerOptions.ParseEndpoint("[fe80::1%2]:53");

        Assert.Equal(2, endpoint.Address.ScopeId);
        Assert.Equal(53, endpoint.Port);
    }

    [Theory]
    [InlineData("127.0.0.1", "the port is missing")]
    [InlineData("", "the port is missing")]
    [InlineData("::1:53", "needs brackets")]
    [InlineData("[::1]", "followed by :port")]
    [InlineData("[::1]53", "followed by :port")]
    [InlineData("127.0.0.1:65536", "'65536' is not a port number")]
    [InlineData("127.0.0.1:-1", "'-1' is not a port number")]
    [InlineData("127.0.0.1:", "'' is not a port number")]
    [InlineData("127.0.0.1:5e3", "'5e3' is not a port number")]
    [InlineData("localhost:53", "'localhost' is not an IP address")]
    [InlineData("10.1:53", "'10.1' is not an IP address")]
    [InlineData("[127.0.0.1]:53", "brackets are for IPv6")]
    public void ParseEndpoint_WhenMalformed_SaysWhy(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => DnsServerOptions.ParseEndpoint(text));

        Assert.Contains($"'{text}' is not a DNS listen endpoint", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Defaults_FollowTheIssueAndRfc7766()
    {
        var options = new DnsServerOptions();

        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 5300)], options.Endpoints);   // Dns:Listen default
        Assert.Equal(Environment.ProcessorCount, options.UdpReceiveLoops);              // one receive loop per core
        Assert.Equal(TimeSpan.FromSeconds(10), options.TcpIdleTimeout);                 // RFC 7766 §6.2.3: seconds
        Assert.True(options.MaxTcpConnections > 0);
    }
}
