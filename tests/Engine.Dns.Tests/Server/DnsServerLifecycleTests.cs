using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Server;
using static SecondaryPortal.Dns.Tests.Server.ServerTestClient;

namespace SecondaryPortal.Dns.Tests.Server;

public sealed class DnsServerLifecycleTests
{
    [Fact]
    public async Task Start_WithPortZero_BindsUdpAndTcpOnTheSameFreePortForEachEndpoint()
    {
        await using var server = await StartAsync(new ServerTestHandler(), Options(IPAddress.Loopback, IPAddress.IPv6Loopback));

        Assert.Equal(2, server.BoundUdpEndpoints.Count);
        for (int i = 0; i < 2; i++)
        {
            var udp = server.BoundUdpEndpoints[i];
            Assert.NotEqual(0, udp.Port);
            Assert.Equal(udp, server.BoundTcpEndpoints[i]);
            Assert.Equal(ServerTestHandler.UdpAddress, AnswerAddress(await UdpQueryAsync(udp, "udp.test.", 1)));
            using var tcp = await ConnectTcpAsync(server.BoundTcpEndpoints[i]);
            Assert.Equal(ServerTestHandler.TcpAddress, AnswerAddress(await TcpQueryAsync(tcp, "tcp.test.", 2)));
        }
    }

    [Fact]
    public async Task Start_OnTheIPv4AndIPv6WildcardsWithOnePort_BindsBoth()
    {
        int port = await FreePortAsync();
        var options = Options() with { Endpoints = [new IPEndPoint(IPAddress.Any, port), new IPEndPoint(IPAddress.IPv6Any, port)] };
        await using var server = await StartAsync(new ServerTestHandler(), options);

        var overIPv4 = await UdpQueryAsync(new IPEndPoint(IPAddress.Loopback, port), "v4.test.", 4);
        var overIPv6 = await UdpQueryAsync(new IPEndPoint(IPAddress.IPv6Loopback, port), "v6.test.", 6);

        Assert.Equal(4, overIPv4.Id);
        Assert.Equal(6, overIPv6.Id);
    }

    [Fact]
    public async Task Start_WhenTheUdpPortIsTaken_FailsNamingTheEndpointAndReleasesTcp()
    {
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)squatter.LocalEndPoint!).Port;
        var server = new DnsServer(Options() with { Endpoints = [new IPEndPoint(IPAddress.Loopback, port)] }, new ServerTestHandler());

        var error = await Assert.ThrowsAsync<IOException>(() => server.StartAsync());

        Assert.Contains($"UDP 127.0.0.1:{port}", error.Message);
        Assert.Contains("already in use", error.Message);
        Assert.Equal(SocketError.AddressAlreadyInUse, Assert.IsType<SocketException>(error.InnerException).SocketErrorCode);
        using var tcp = new TcpListener(IPAddress.Loopback, port);
        tcp.Start(); // the TCP socket bound before the failure was released
        Assert.Empty(server.BoundUdpEndpoints);
    }

    [Fact]
    public async Task Start_WhenTheTcpPortIsTaken_FailsNamingTheEndpoint()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        int port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var server = new DnsServer(Options() with { Endpoints = [new IPEndPoint(IPAddress.Loopback, port)] }, new ServerTestHandler());

        var error = await Assert.ThrowsAsync<IOException>(() => server.StartAsync());

        Assert.Contains($"TCP 127.0.0.1:{port}", error.Message);
        Assert.Contains("already in use", error.Message);
    }

    [Fact]
    public async Task Start_WhenALaterEndpointFails_ReleasesTheEarlierOnes()
    {
        int free = await FreePortAsync();
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        int taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var endpoints = new[] { new IPEndPoint(IPAddress.IPv6Loopback, free), new IPEndPoint(IPAddress.Loopback, taken) };
        var server = new DnsServer(Options() with { Endpoints = endpoints }, new ServerTestHandler());

        var error = await Assert.ThrowsAsync<IOException>(() => server.StartAsync());

        Assert.Contains($"127.0.0.1:{taken}", error.Message);
        AssertPortFree(new IPEndPoint(IPAddress.IPv6Loopback, free));
    }

    [Fact]
    public async Task Stop_ClosesOpenConnectionsAndFreesThePort()
    {
        var server = await StartAsync(new ServerTestHandler(), Options() with { UdpReceiveLoops = 4 });
        var endpoint = server.BoundTcpEndpoints[0];
        using var idle = await ConnectTcpAsync(endpoint);
        using var used = await ConnectTcpAsync(endpoint);
        await TcpQueryAsync(used, "used.test.", 1);
        await UdpQueryAsync(server.BoundUdpEndpoints[0], "udp.test.", 2);

        var stopping = server.StopAsync();
        Assert.Same(stopping, await Task.WhenAny(stopping, Task.Delay(Patience)));
        await stopping;

        Assert.True(await WaitForCloseAsync(idle, Patience));
        Assert.True(await WaitForCloseAsync(used, Patience));
        AssertPortFree(endpoint);
        await using var again = await StartAsync(new ServerTestHandler(), Options() with { Endpoints = [endpoint] });
        Assert.Equal(3, (await UdpQueryAsync(endpoint, "again.test.", 3)).Id);
    }

    [Fact]
    public async Task Start_WhenCalledTwice_Throws()
    {
        await using var server = await StartAsync(new ServerTestHandler());

        await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync());
    }

    [Fact]
    public async Task Stop_BeforeStartOrTwice_DoesNothingHarmful()
    {
        var never = new DnsServer(Options(), new ServerTestHandler());
        await never.StopAsync();
        var server = await StartAsync(new ServerTestHandler());
        var endpoint = server.BoundUdpEndpoints[0];

        await server.StopAsync();
        await server.StopAsync();
        await server.DisposeAsync();

        Assert.Empty(never.BoundUdpEndpoints);
        AssertPortFree(endpoint);
    }

    [Theory]
    [InlineData("no endpoints", "at least one DNS listen endpoint")]
    [InlineData("no UDP loop", "UdpReceiveLoops")]
    [InlineData("no TCP connection", "MaxTcpConnections")]
    [InlineData("no idle time", "TcpIdleTimeout")]
    public void Constructor_WithInvalidOptions_NamesTheSetting(string mistake, string expected)
    {
        var options = mistake switch
        {
            "no endpoints" => new DnsServerOptions { Endpoints = [] },
            "no UDP loop" => new DnsServerOptions { UdpReceiveLoops = 0 },
            "no TCP connection" => new DnsServerOptions { MaxTcpConnections = 0 },
            _ => new DnsServerOptions { TcpIdleTimeout = TimeSpan.Zero },
        };

        var error = Assert.ThrowsAny<ArgumentException>(() => new DnsServer(options, new ServerTestHandler()));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Constructor_WithADuplicateEndpoint_NamesIt()
    {
        var endpoint = new IPEndPoint(IPAddress.Loopback, 5300);
        var options = new DnsServerOptions { Endpoints = [endpoint, new IPEndPoint(IPAddress.Loopback, 5300)] };

        var error = Assert.Throws<ArgumentException>(() => new DnsServer(options, new ServerTestHandler()));

        Assert.Contains("127.0.0.1:5300 is listed twice", error.Message);
    }

    /// <summary>Binds UDP and TCP without any reuse option: succeeds only when nothing holds the port.</summary>
    private static void AssertPortFree(IPEndPoint endpoint)
    {
        using var udp = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(endpoint);
        using var tcp = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(endpoint);
        tcp.Listen();
    }

    /// <summary>A port the server binds on every loopback and wildcard address: taken from a started server, then released.</summary>
    private static async Task<int> FreePortAsync()
    {
        var probe = await StartAsync(new ServerTestHandler(), Options(IPAddress.Any, IPAddress.IPv6Any));
        int port = probe.BoundUdpEndpoints[0].Port;
        await probe.StopAsync();
        return port;
    }
}
