using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tests.Interop;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

using static SecondaryPortal.Dns.Tests.Server.ServerTestClient;

namespace SecondaryPortal.Dns.Tests.Server;

/// <summary>
/// The same bad-input run as <see cref="ListenerFuzzTests"/>, but against the real responder serving a
/// real zone: between bursts of random and mutated datagrams and TCP streams, and afterwards, a valid
/// query still gets the right authoritative answer.
/// </summary>
public sealed class ResponderUnderFuzzTests
{
    private static readonly IPAddress Web = IPAddress.Parse("192.0.2.80");

    [Fact]
    public async Task Responder_KeepsAnsweringCorrectly_ThroughMutatedDatagramsAndStreams()
    {
        var logger = new CapturingLogger();
        await using var server = await StartAsync(Responder(), Options(IPAddress.Loopback) with { TcpIdleTimeout = TimeSpan.FromSeconds(2) }, logger);
        var udp = server.BoundUdpEndpoints[0];
        var tcp = server.BoundTcpEndpoints[0];
        var random = new Random(4035);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        for (int sent = 0; sent < 10_000; sent += 100)
        {
            for (int i = 0; i < 100; i++)
                sender.SendTo(FuzzInput.Datagram(random, sent + i), udp);
            AssertWebAnswer(DnsMessage.Parse(await UdpExchangeWithRetryAsync(udp, (ushort)sent)));
        }
        for (int started = 0; started < 60; started += 10)
        {
            await Task.WhenAll(Enumerable.Range(started, 10).Select(i => FuzzStream.Create(new Random(random.Next()), i).RunAsync(tcp)));
            using var fresh = await ConnectTcpAsync(tcp);
            await SendAsync(fresh, Frame(Query("web.interop.example.", RecordType.A, (ushort)started)));
            AssertWebAnswer(DnsMessage.Parse((await ReadFramedAsync(fresh))!));
        }

        Assert.Equal(0, logger.Count(3010) + logger.Count(3011)); // no handler failure, no invalid length
    }

    private static void AssertWebAnswer(DnsMessage answer)
    {
        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.True((answer.Flags & DnsHeaderFlags.AA) != 0);
        Assert.Contains(answer.Answers, r => r.Data is AData a && a.Address.Equals(Web));
    }

    private static async Task<byte[]> UdpExchangeWithRetryAsync(IPEndPoint server, ushort id)
    {
        for (int attempt = 0; attempt < 5; attempt++)
        {
            if (await UdpExchangeAsync(server, Query("web.interop.example.", RecordType.A, id), TimeSpan.FromSeconds(1)) is { } reply)
                return reply;
        }
        throw new TimeoutException("the responder stopped answering valid queries");
    }

    private static AuthoritativeRequestHandler Responder()
    {
        var origin = DnsName.Parse(PeerServersFixture.Zone);
        var records = ZoneFileParser.Parse(PeerServersFixture.ZoneText, origin, sourceName: "interop.example.zone");
        var zones = new ZoneTable();
        zones.Publish(ZoneSnapshot.Build(origin, records).Snapshot!);
        var options = new ResponderOptions();
        return new AuthoritativeRequestHandler(zones, options, new QueryCounters());
    }
}
