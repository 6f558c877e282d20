using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Server.ServerTestClient;

namespace SecondaryPortal.Dns.Tests.Server;

public sealed class DnsServerTcpTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Tcp_AnswersAQueryWithTheHandlersResponse(string address)
    {
        await using var server = await StartAsync(new ServerTestHandler(), Options(IPAddress.Parse(address)));
        using var client = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);

        var reply = await TcpQueryAsync(client, "www.Example.test.", id: 0xCAFE);

        Assert.Equal(0xCAFE, reply.Id);
        Assert.Equal("www.Example.test.", reply.Question!.Name.ToString());
        Assert.Equal(ServerTestHandler.TcpAddress, AnswerAddress(reply));
    }

    [Fact]
    public async Task Tcp_PipelinedQueriesSentInOneWrite_AreAllAnsweredInOrder()
    {
        await using var server = await StartAsync(new ServerTestHandler());
        using var client = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);
        const int count = 200;

        await SendAsync(client, Frame(Enumerable.Range(1, count).Select(i => Query($"q{i}.test.", RecordType.A, (ushort)i)).ToArray()));
        var ids = new List<int>();
        for (int i = 0; i < count; i++)
            ids.Add(DnsMessage.Parse((await ReadFramedAsync(client))!).Id);

        Assert.Equal(Enumerable.Range(1, count), ids);
    }

    [Fact]
    public async Task Tcp_SeveralQueriesOneAfterAnother_ShareOneConnection()
    {
        var handler = new ServerTestHandler();
        await using var server = await StartAsync(handler);
        using var client = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);

        for (ushort id = 1; id <= 5; id++)
            Assert.Equal(id, (await TcpQueryAsync(client, "again.test.", id)).Id);

        Assert.Equal(5, handler.Calls);
        Assert.Equal(1, server.OpenTcpConnections);
    }

    [Fact]
    public async Task Tcp_WhenTheHandlerReturnsZero_SendsNothingAndKeepsTheConnection()
    {
        await using var server = await StartAsync(new ServerTestHandler());
        using var client = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);

        await SendAsync(client, Frame(Query("silent.test.", RecordType.NULL, 1), Query("answered.test.", RecordType.A, 2)));
        var reply = DnsMessage.Parse((await ReadFramedAsync(client))!);

        Assert.Equal(2, reply.Id); // the first answer on the wire is the second query's
    }

    [Fact]
    public async Task Tcp_WhenTheHandlerThrows_ClosesThatConnectionOnly()
    {
        var logger = new CapturingLogger();
        await using var server = await StartAsync(new ServerTestHandler(), logger: logger);
        using var failing = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);
        using var other = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);

        await SendAsync(failing, Frame(Query("fail.test.", RecordType.TXT)));

        Assert.True(await WaitForCloseAsync(failing, Patience));
        Assert.Equal(3, (await TcpQueryAsync(other, "other.test.", 3)).Id);
        Assert.Equal(1, logger.Count(3010));
    }

    [Fact]
    public async Task Tcp_WhenIdleForTheTimeout_IsClosedByTheServer()
    {
        var timeout = TimeSpan.FromMilliseconds(400);
        await using var server = await StartAsync(new ServerTestHandler(), Options() with { TcpIdleTimeout = timeout });
        using var client = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);
        await TcpQueryAsync(client, "before.test.", 1);
        var idle = Stopwatch.StartNew();

        bool closed = await WaitForCloseAsync(client, TimeSpan.FromSeconds(5));

        Assert.True(closed, "the idle connection stayed open");
        Assert.InRange(idle.Elapsed, timeout - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3));
        await WaitUntilAsync(() => server.OpenTcpConnections == 0);
    }

    [Fact]
    public async Task Tcp_WhenAMessageTricklesInSlowerThanTheTimeout_IsClosed()
    {
        await using var server = await StartAsync(new ServerTestHandler(), Options() with { TcpIdleTimeout = TimeSpan.FromMilliseconds(400) });
        using var client = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);
        var framed = Frame(Query("slow.test."));
        var trickling = Stopwatch.StartNew();

        // one octet every 100 ms: bytes keep coming, but no request completes within the timeout
        bool closed = false;
        for (int i = 0; i < framed.Length && !closed; i++)
        {
            try
            {
                await SendAsync(client, framed[i..(i + 1)]);
            }
            catch (SocketException)
            {
                closed = true;
                break;
            }
            closed = await WaitForCloseAsync(client, TimeSpan.FromMilliseconds(100));
        }

        Assert.True(closed, "a trickling client kept its connection");
        Assert.True(trickling.Elapsed < TimeSpan.FromSeconds(3), $"closed only after {trickling.Elapsed}");
    }

    [Fact]
    public async Task Tcp_AZeroLengthPrefix_ClosesTheConnectionAfterEarlierAnswers()
    {
        await using var server = await StartAsync(new ServerTestHandler());
        using var client = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);

        await SendAsync(client, [.. Frame(Query("first.test.", RecordType.A, 1)), 0, 0, .. Frame(Query("never.test.", RecordType.A, 2))]);

        Assert.Equal(1, DnsMessage.Parse((await ReadFramedAsync(client))!).Id);
        Assert.True(await WaitForCloseAsync(client, Patience));
    }

    [Fact]
    public async Task Tcp_AStreamEndingInsideAMessage_IsClosedWithoutAnAnswer()
    {
        var handler = new ServerTestHandler();
        await using var server = await StartAsync(handler);
        using var client = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);
        var framed = Frame(Query("cut.test."));

        await SendAsync(client, framed[..^3]);
        client.Shutdown(SocketShutdown.Send);

        Assert.Null(await ReadFramedAsync(client)); // end of stream, no answer
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task Tcp_AHalfClosedClient_StillGetsItsAnswersBeforeTheServerCloses()
    {
        await using var server = await StartAsync(new ServerTestHandler());
        using var client = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);

        await SendAsync(client, Frame(Query("a.test.", RecordType.A, 1), Query("b.test.", RecordType.A, 2)));
        client.Shutdown(SocketShutdown.Send);

        Assert.Equal(1, DnsMessage.Parse((await ReadFramedAsync(client))!).Id);
        Assert.Equal(2, DnsMessage.Parse((await ReadFramedAsync(client))!).Id);
        Assert.Null(await ReadFramedAsync(client));
    }

    [Fact]
    public async Task Tcp_ARequestOfNearlyMaximumSize_IsReadWhole()
    {
        await using var server = await StartAsync(new ServerTestHandler());
        using var client = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);
        var large = QueryWithPadding("large.test.", id: 11, padding: 60_000);

        await SendAsync(client, Frame(large));
        var reply = DnsMessage.Parse((await ReadFramedAsync(client))!);
        var next = await TcpQueryAsync(client, "small.test.", 12); // the grown buffer keeps working

        Assert.Equal(11, reply.Id);
        Assert.Equal(ServerTestHandler.TcpAddress, AnswerAddress(reply));
        Assert.Equal(12, next.Id);
    }

    /// <summary>A query whose OPT record carries a Padding option (RFC 7830, code 12) of <paramref name="padding"/> zeros.</summary>
    private static byte[] QueryWithPadding(string name, ushort id, int padding)
    {
        var query = Query(name, RecordType.A, id);
        query[11] = 1; // ARCOUNT
        byte[] opt =
        [
            0x00,                                                  // owner: root
            0x00, 0x29,                                            // TYPE OPT
            0x04, 0xD0,                                            // CLASS: UDP payload 1232
            0x00, 0x00, 0x00, 0x00,                                // TTL: extended rcode, version, flags
            (byte)((padding + 4) >> 8), (byte)(padding + 4),       // RDLENGTH
            0x00, 0x0C,                                            // option code 12: Padding
            (byte)(padding >> 8), (byte)padding,                   // option length
        ];
        return [.. query, .. opt, .. new byte[padding]];
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Patience, "the condition did not become true in time");
            await Task.Delay(20);
        }
    }
}
