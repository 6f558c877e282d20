using System.Net.Sockets;
using static SecondaryPortal.Dns.Tests.Server.DnsServerTcpTests;
using static SecondaryPortal.Dns.Tests.Server.ServerTestClient;

namespace SecondaryPortal.Dns.Tests.Server;

/// <summary>The TCP connection limit: at the limit the least recently active connection makes room.</summary>
public sealed class DnsServerConnectionLimitTests
{
    [Fact]
    public async Task Limit_WhenReached_ClosesTheLeastRecentlyActiveConnectionAndServesTheNewClient()
    {
        var logger = new CapturingLogger();
        await using var server = await StartAsync(new ServerTestHandler(), Options() with { MaxTcpConnections = 4 }, logger);
        var endpoint = server.BoundTcpEndpoints[0];
        var clients = new List<Socket>();
        for (int i = 0; i < 4; i++)
        {
            clients.Add(await ConnectTcpAsync(endpoint));
            await Task.Delay(60); // distinct ages
        }
        await WaitUntilAsync(() => server.OpenTcpConnections == 4);
        await TcpQueryAsync(clients[0], "active.test.", 1); // the oldest connection is now the most recently active
        await Task.Delay(60);

        using var newcomer = await ConnectTcpAsync(endpoint);
        var reply = await TcpQueryAsync(newcomer, "new.test.", 2);

        Assert.Equal(2, reply.Id);
        Assert.True(await WaitForCloseAsync(clients[1], Patience), "the least recently active connection was not closed");
        foreach (var kept in new[] { clients[0], clients[2], clients[3] })
            Assert.Equal(3, (await TcpQueryAsync(kept, "kept.test.", 3)).Id);
        Assert.Equal(4, server.OpenTcpConnections);
        Assert.Equal(1, logger.Count(3031));
        foreach (var client in clients)
            client.Dispose();
    }

    [Fact]
    public async Task Limit_WhenAFloodOfIdleConnectionsHoldsIt_ALegitimateClientIsStillServed()
    {
        const int limit = 16;
        await using var server = await StartAsync(new ServerTestHandler(), Options() with { MaxTcpConnections = limit });
        var endpoint = server.BoundTcpEndpoints[0];
        var flood = new List<Socket>();
        for (int i = 0; i < 4 * limit; i++)
            flood.Add(await ConnectTcpAsync(endpoint));
        await WaitUntilAsync(() => server.OpenTcpConnections == limit);

        using var legitimate = await ConnectTcpAsync(endpoint);
        var replies = new List<int>();
        for (ushort id = 1; id <= 3; id++)
            replies.Add((await TcpQueryAsync(legitimate, "legit.test.", id)).Id);

        Assert.Equal([1, 2, 3], replies);
        Assert.InRange(server.OpenTcpConnections, 1, limit);
        var closedFlood = await Task.WhenAll(flood.Select(s => WaitForCloseAsync(s, TimeSpan.FromMilliseconds(200))));
        Assert.True(closedFlood.Count(c => c) >= 3 * limit, $"only {closedFlood.Count(c => c)} of {flood.Count} flood connections were closed");
        foreach (var socket in flood)
            socket.Dispose();
    }
}
