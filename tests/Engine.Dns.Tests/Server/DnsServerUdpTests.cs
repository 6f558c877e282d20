using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Server.ServerTestClient;

namespace SecondaryPortal.Dns.Tests.Server;

public sealed class DnsServerUdpTests
{
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(300);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Udp_AnswersAQueryWithTheHandlersResponse(string address)
    {
        await using var server = await StartAsync(new ServerTestHandler(), Options(IPAddress.Parse(address)));

        var reply = await UdpQueryAsync(server.BoundUdpEndpoints[0], "www.Example.test.", id: 0xBEEF);

        Assert.Equal(0xBEEF, reply.Id);
        Assert.True(reply.IsResponse);
        Assert.Equal("www.Example.test.", reply.Question!.Name.ToString());
        Assert.Equal(ServerTestHandler.UdpAddress, AnswerAddress(reply));
    }

    [Fact]
    public async Task Udp_WhenTheHandlerThrows_LogsAndKeepsServing()
    {
        var logger = new CapturingLogger();
        await using var server = await StartAsync(new ServerTestHandler(), logger: logger);
        var endpoint = server.BoundUdpEndpoints[0];

        var failed = await UdpExchangeAsync(endpoint, Query("fail.test.", RecordType.TXT), Silence);
        var reply = await UdpQueryAsync(endpoint, "after.test.", id: 7);

        Assert.Null(failed);
        Assert.Equal(7, reply.Id);
        var entry = Assert.Single(logger.Entries, e => e.Id.Id == 3010);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains("127.0.0.1", entry.Message);
    }

    [Fact]
    public async Task Udp_WhenTheHandlerReturnsZero_SendsNothingAndKeepsServing()
    {
        var handler = new ServerTestHandler();
        await using var server = await StartAsync(handler);
        var endpoint = server.BoundUdpEndpoints[0];

        var silent = await UdpExchangeAsync(endpoint, Query("silent.test.", RecordType.NULL), Silence);
        var reply = await UdpQueryAsync(endpoint, "after.test.", id: 8);

        Assert.Null(silent);
        Assert.Equal(8, reply.Id);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Udp_WhenEmptyShortAndMaximumSizeDatagramsArrive_KeepsServing()
    {
        var handler = new ServerTestHandler();
        await using var server = await StartAsync(handler, Options() with { UdpReceiveLoops = 1 });
        var endpoint = server.BoundUdpEndpoints[0];
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        sender.SendTo([], endpoint);
        sender.SendTo(new byte[11], endpoint);
        sender.SendTo(new byte[65507], endpoint); // the largest IPv4 UDP payload
        var reply = await UdpQueryAsync(endpoint, "after.test.", id: 9);

        Assert.Equal(9, reply.Id);
        Assert.Equal(4, handler.Calls); // every datagram reached the handler, the empty one included
    }

    [Fact]
    public async Task Udp_WithSeveralReceiveLoops_SpreadsClientsOverSeveralThreads()
    {
        var threads = new ConcurrentDictionary<int, bool>();
        var handler = new ThreadRecordingHandler(threads);
        await using var server = await StartAsync(handler, Options() with { UdpReceiveLoops = 4 });

        // Each client socket has its own source port, which the kernel hashes to one of the four sockets.
        var replies = await Task.WhenAll(Enumerable.Range(1, 32).Select(i => UdpQueryAsync(server.BoundUdpEndpoints[0], "spread.test.", (ushort)i)));

        Assert.All(replies, r => Assert.Equal(ServerTestHandler.UdpAddress, AnswerAddress(r)));
        if (OperatingSystem.IsLinux()) // SO_REUSEPORT is used on Linux only; elsewhere one socket serves
            Assert.True(threads.Count > 1, $"all 32 clients were served by {threads.Count} thread(s)");
    }

    private sealed class ThreadRecordingHandler(ConcurrentDictionary<int, bool> threads) : IDnsRequestHandler
    {
        private readonly ServerTestHandler _inner = new();

        public int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
        {
            threads.TryAdd(Environment.CurrentManagedThreadId, true);
            return _inner.Handle(request, response, context);
        }
    }
}
