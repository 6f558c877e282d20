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

        var first = await FirstReplyAsync(endpoint, Query("fail.test.", RecordType.TXT, id: 6), Query("after.test.", id: 7));

        Assert.Equal(7, first.Id); // the failed request's answer, had one been sent, would have come first
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

        var first = await FirstReplyAsync(endpoint, Query("silent.test.", RecordType.NULL, id: 9), Query("after.test.", id: 8));

        Assert.Equal(8, first.Id); // an answer to the silent request, had one been sent, would have come first
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

    /// <summary>
    /// Sends <paramref name="unanswered"/> and then <paramref name="probe"/> from one socket and returns the first datagram
    /// back. A socket's datagrams reach one receive loop, which answers them in order: when the first datagram back answers
    /// the probe, the request before it was not answered, a fact rather than a silence waited out.
    /// </summary>
    private static async Task<DnsMessage> FirstReplyAsync(IPEndPoint server, byte[] unanswered, byte[] probe)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(server);
        await socket.SendAsync(unanswered);
        await socket.SendAsync(probe);
        var buffer = new byte[65535];
        using var cancel = new CancellationTokenSource(Patience);
        int received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
        return DnsMessage.Parse(buffer.AsSpan(0, received));
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
