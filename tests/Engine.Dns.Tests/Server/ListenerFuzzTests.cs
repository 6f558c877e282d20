using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tests.Robustness;
using SecondaryPortal.Dns.Wire;
using Xunit.Abstractions;
using static SecondaryPortal.Dns.Tests.Server.DnsServerTcpTests;
using static SecondaryPortal.Dns.Tests.Server.ServerTestClient;

namespace SecondaryPortal.Dns.Tests.Server;

/// <summary>
/// The issue's bad-input requirement: a bounded, seeded fuzz run of random and mutated datagrams and
/// TCP streams against the running listener, whose handler parses each request with the full decoder
/// and the hot-path reader and answers FORMERR when it is malformed. Valid queries, checked between
/// bursts and afterwards, must keep being answered.
/// </summary>
public sealed class ListenerFuzzTests(ITestOutputHelper output)
{
    private const int Datagrams = 20_000;
    private const int DatagramBurst = 100;
    private const int Streams = 200;
    private const int StreamBatch = 10;

    [Fact]
    public async Task Udp_RandomAndMutatedDatagrams_NeverStopTheListener()
    {
        var handler = new FuzzHandler();
        var logger = new CapturingLogger();
        await using var server = await StartAsync(handler, Options(IPAddress.Loopback, IPAddress.IPv6Loopback), logger);
        var random = new Random(7766);
        var senders = new[] { NewSender(AddressFamily.InterNetwork), NewSender(AddressFamily.InterNetwork), NewSender(AddressFamily.InterNetworkV6) };
        var clock = Stopwatch.StartNew();
        int checks = 0;
        try
        {
            for (int sent = 0; sent < Datagrams;)
            {
                for (int i = 0; i < DatagramBurst; i++, sent++)
                {
                    var sender = senders[sent % senders.Length];
                    var target = server.BoundUdpEndpoints[sender.AddressFamily == AddressFamily.InterNetworkV6 ? 1 : 0];
                    sender.SendTo(FuzzInput.Datagram(random, sent), target);
                }
                var check = server.BoundUdpEndpoints[checks % 2];
                Assert.Equal(ServerTestHandler.UdpAddress, AnswerAddress(await UdpQueryAsync(check, "check.test.", (ushort)checks, attempts: 5)));
                checks++;
            }
            for (int i = 0; i < 20; i++)
                Assert.Equal((ushort)i, (await UdpQueryAsync(server.BoundUdpEndpoints[i % 2], "after.test.", (ushort)i, attempts: 5)).Id);
        }
        finally
        {
            foreach (var sender in senders)
                sender.Dispose();
        }

        output.WriteLine($"{Datagrams} datagrams in {clock.Elapsed}: handler saw {handler.Calls}, answered FORMERR {handler.FormatErrors}, answered {handler.Answers}, ignored {handler.Ignored}; {checks} valid checks answered");
        handler.AssertNoUnexpectedException();
        Assert.Equal(0, logger.Count(3010) + logger.Count(3011));
        Assert.True(handler.FormatErrors > 0 && handler.Answers > checks && handler.Ignored > 0, "the inputs should reach every outcome");
    }

    [Fact]
    public async Task Tcp_RandomAndMutatedStreams_NeverStopTheListener()
    {
        var handler = new FuzzHandler();
        var logger = new CapturingLogger();
        var options = Options(IPAddress.Loopback) with { TcpIdleTimeout = TimeSpan.FromSeconds(2), MaxTcpConnections = 64 };
        await using var server = await StartAsync(handler, options, logger);
        var endpoint = server.BoundTcpEndpoints[0];
        var random = new Random(1035);
        var clock = Stopwatch.StartNew();
        using var longLived = await ConnectTcpAsync(endpoint);
        var outcomes = new Dictionary<string, int>();

        for (int started = 0; started < Streams; started += StreamBatch)
        {
            var batch = Enumerable.Range(started, StreamBatch).Select(i => FuzzStream.Create(new Random(random.Next()), i)).ToList();
            var results = await Task.WhenAll(batch.Select(stream => stream.RunAsync(endpoint)));
            foreach (var result in results)
                outcomes[result] = outcomes.GetValueOrDefault(result) + 1;
            await AssertServingAsync(server, longLived, (ushort)started);
        }
        await WaitUntilAsync(() => server.OpenTcpConnections == 1);
        await AssertServingAsync(server, longLived, 0xFFFF);

        output.WriteLine($"{Streams} streams in {clock.Elapsed}: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}; handler saw {handler.Calls}, FORMERR {handler.FormatErrors}, answered {handler.Answers}");
        handler.AssertNoUnexpectedException();
        Assert.Equal(0, logger.Count(3010) + logger.Count(3011));
        Assert.DoesNotContain(outcomes.Keys, o => o.StartsWith("FAILED", StringComparison.Ordinal));
    }

    /// <summary>A valid query on the long-lived connection, on a new connection and over UDP.</summary>
    private static async Task AssertServingAsync(DnsServer server, Socket longLived, ushort id)
    {
        Assert.Equal(id, (await TcpQueryAsync(longLived, "long.test.", id)).Id);
        using var fresh = await ConnectTcpAsync(server.BoundTcpEndpoints[0]);
        Assert.Equal(ServerTestHandler.TcpAddress, AnswerAddress(await TcpQueryAsync(fresh, "fresh.test.", id)));
        Assert.Equal(id, (await UdpQueryAsync(server.BoundUdpEndpoints[0], "udp.test.", id, attempts: 3)).Id);
    }

    private static Socket NewSender(AddressFamily family)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(family == AddressFamily.InterNetwork ? IPAddress.Loopback : IPAddress.IPv6Loopback, 0));
        return socket;
    }

    /// <summary>Parses every request with the full decoder and the hot-path reader; FORMERR when malformed.</summary>
    private sealed class FuzzHandler : IDnsRequestHandler
    {
        private int _calls, _formatErrors, _answers, _ignored;
        private string? _unexpected;

        public int Calls => Volatile.Read(ref _calls);
        public int FormatErrors => Volatile.Read(ref _formatErrors);
        public int Answers => Volatile.Read(ref _answers);
        public int Ignored => Volatile.Read(ref _ignored);

        public void AssertNoUnexpectedException() => Assert.True(_unexpected is null, _unexpected);

        public int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
        {
            Interlocked.Increment(ref _calls);
            try
            {
                bool decoded = DnsMessage.TryParse(request, out _, out _);
                var status = IncomingQuery.TryRead(request, out var query);
                if (status == QueryParseStatus.Ignore)
                {
                    Interlocked.Increment(ref _ignored);
                    return 0;
                }
                if (status == QueryParseStatus.FormatError || !decoded)
                {
                    Interlocked.Increment(ref _formatErrors);
                    return ServerTestHandler.WriteFormatError(request, response);
                }
                Interlocked.Increment(ref _answers);
                return ServerTestHandler.WriteAnswer(request, query, response, context.Transport == DnsTransport.Udp ? ServerTestHandler.UdpAddress : ServerTestHandler.TcpAddress);
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref _unexpected, $"{exception.GetType().Name} for {Convert.ToHexString(request)}: {exception}", null);
                throw;
            }
        }
    }
}
