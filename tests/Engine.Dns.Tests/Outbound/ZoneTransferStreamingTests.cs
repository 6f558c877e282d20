using SecondaryPortal.Dns.Tests.Support;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tests.Server;
using SecondaryPortal.Dns.Tests.Transfer;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Outbound.OutboundZones;

namespace SecondaryPortal.Dns.Tests.Outbound;

/// <summary>How the answers stream: back-pressure, bounded memory, the idle timeout, stopping; and the UDP answers.</summary>
public sealed class ZoneTransferStreamingTests
{
    [Fact]
    public async Task Axfr_OfAHundredThousandRecords_ArrivesWhole()
    {
        var zone = Large(100_000);
        await using var server = await TransferTestServer.StartAsync(zone);

        var result = await FakeZone.Client(FakeZone.QuickOptions with { TransferTimeout = TimeSpan.FromSeconds(60) })
            .TransferAsync(Origin, server.Primary(), current: null);

        Assert.True(result.Outcome == TransferOutcome.Axfr, result.Error);
        Assert.Equal(zone.RecordCount, result.Built!.Snapshot!.RecordCount);
        Assert.Equal(Lines(zone.Records()), Lines(result.ZoneRecords()));
    }

    [Fact]
    public void Axfr_OfAHundredThousandRecords_IsProducedInBoundedMemory()
    {
        var zone = Large(100_000);
        var zones = new ZoneTable();
        zones.Publish(zone);
        var responder = new ZoneTransferResponder(zones, FakeTransferPolicy.AllowAll(), new FakeJournal(), new FixedKeys(TsigKeyring.Empty),
            TimeProvider.System, NullLogger<ZoneTransferResponder>.Instance);
        var request = RawTransfer.Request(Origin, RecordType.AXFR).ToArray();
        var context = new DnsRequestContext(DnsTransport.Tcp, new IPEndPoint(IPAddress.Loopback, 5353).Serialize());
        var buffer = new byte[ushort.MaxValue];
        Drain(responder.BeginStream(request, context)!, buffer); // warm-up: JIT and the enumerators' first use

        long before = GC.GetAllocatedBytesForCurrentThread();
        var (messages, octets) = Drain(responder.BeginStream(request, context)!, buffer);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Some 3 MB of messages, written into the caller's buffer: what is allocated is per transfer, not per record or message.
        Assert.True(octets > 2_000_000, $"{octets} octets");
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated for {messages} messages");
    }

    [Fact]
    public async Task Axfr_ToAClientThatStopsReading_StopsProducing()
    {
        var zone = Large(100_000, textLength: 120); // about 15 MB: more than the kernel's socket buffers hold
        await using var server = await TransferTestServer.StartAsync(zone, options: ServerTestClient.Options() with { TcpIdleTimeout = TimeSpan.FromSeconds(30) });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 8192 };
        await client.ConnectAsync(server.TcpEndPoint);
        await client.SendAsync(Frame(RawTransfer.Request(Origin, RecordType.AXFR).ToArray()));

        int stalled = await SettledCountAsync(server.Streams);
        long received = await ReceiveAllAsync(client, untilIdle: TimeSpan.FromSeconds(2));

        int total = server.Streams.Messages;
        Assert.True(stalled < total / 2, $"{stalled} of {total} messages produced while the client did not read");
        Assert.True(received > 14_000_000, $"{received} octets received");
    }

    [Fact]
    public async Task Axfr_ToAClientThatNeverReads_EndsAtTheIdleTimeout()
    {
        await using var server = await TransferTestServer.StartAsync(Large(100_000, textLength: 120),
            options: ServerTestClient.Options() with { TcpIdleTimeout = TimeSpan.FromMilliseconds(500) });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 8192 };
        await client.ConnectAsync(server.TcpEndPoint);
        await client.SendAsync(Frame(RawTransfer.Request(Origin, RecordType.AXFR).ToArray()));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.Streams.Disposed == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);

        Assert.Equal(1, server.Streams.Disposed);
        Assert.Equal(0, server.Server.OpenTcpConnections);
        Assert.Contains(server.Log.Entries, e => e.EventId.Id == 4103);
    }

    [Fact]
    public async Task StoppingTheServer_MidTransfer_EndsTheStreamCleanly()
    {
        var server = await TransferTestServer.StartAsync(Large(100_000, textLength: 120));
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 8192 };
        await client.ConnectAsync(server.TcpEndPoint);
        await client.SendAsync(Frame(RawTransfer.Request(Origin, RecordType.AXFR).ToArray()));
        await SettledCountAsync(server.Streams);

        await server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, server.Streams.Disposed);
        Assert.Equal(0, server.Server.OpenTcpConnections);
    }

    [Fact]
    public async Task AxfrOverUdp_IsFormErr()
    {
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(1)));

        var answer = await ServerTestClient.UdpExchangeAsync(server.UdpEndPoint, RawTransfer.Request(Origin, RecordType.AXFR).ToArray());

        var parsed = DnsMessage.Parse(answer!);
        Assert.Equal(DnsRcode.FormErr, parsed.Rcode);
        Assert.Empty(parsed.Answers);
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(5u)]
    public async Task IxfrOverUdp_GetsTheCurrentSoaAlone_WhateverTheClientsSerial(uint clientSerial)
    {
        var zone = Snapshot(Text(5));
        var journal = new FakeJournal();
        journal.Add(ZoneSnapshotDiff.Compute(Snapshot(Text(1)), zone));
        await using var server = await TransferTestServer.StartAsync(zone, journal: journal);

        var answer = await ServerTestClient.UdpExchangeAsync(server.UdpEndPoint, RawTransfer.Request(Origin, RecordType.IXFR, clientSerial: clientSerial).ToArray());

        var parsed = DnsMessage.Parse(answer!);
        Assert.Equal(DnsRcode.NoError, parsed.Rcode);
        Assert.True(parsed.Flags.HasFlag(DnsHeaderFlags.AA));
        Assert.Equal([zone.Soa.ToString()], parsed.Answers.Select(r => r.ToString()));
    }

    [Fact]
    public async Task IxfrOverUdp_ThatThePolicyDenies_IsRefused()
    {
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(5)), new FakeTransferPolicy());

        var answer = await ServerTestClient.UdpExchangeAsync(server.UdpEndPoint, RawTransfer.Request(Origin, RecordType.IXFR, clientSerial: 1).ToArray());

        Assert.Equal(DnsRcode.Refused, DnsMessage.Parse(answer!).Rcode);
    }

    [Fact]
    public async Task Handle_OverTcpWithoutStreaming_AnswersASingleMessageAnswer_AndServFailsALongerOne()
    {
        var zones = new ZoneTable();
        zones.Publish(Large(5000));
        var responder = new ZoneTransferResponder(zones, FakeTransferPolicy.AllowAll(), new FakeJournal(), new FixedKeys(TsigKeyring.Empty),
            TimeProvider.System, NullLogger<ZoneTransferResponder>.Instance);
        await using var server = await ServerTestClient.StartAsync(responder);

        var current = await RawTransfer.ExchangeAsync(server.BoundTcpEndpoints[0], RawTransfer.Request(Origin, RecordType.IXFR, clientSerial: 1).ToArray(), soaCount: 1);
        var whole = await RawTransfer.ExchangeAsync(server.BoundTcpEndpoints[0], RawTransfer.Request(Origin, RecordType.AXFR).ToArray());

        Assert.Single(DnsMessage.Parse(Assert.Single(current)).Answers);
        Assert.Equal(DnsRcode.ServFail, DnsMessage.Parse(Assert.Single(whole)).Rcode);
    }

    private static (int Messages, long Octets) Drain(IDnsResponseStream stream, byte[] buffer)
    {
        int messages = 0;
        long octets = 0;
        using (stream)
        {
            for (int length; (length = stream.WriteNext(buffer)) > 0; messages++)
                octets += length;
        }
        return (messages, octets);
    }

    private static byte[] Frame(byte[] message) => [(byte)(message.Length >> 8), (byte)message.Length, .. message];

    /// <summary>Waits until the count of messages produced stops moving for half a second, and returns it.</summary>
    private static async Task<int> SettledCountAsync(CountingStreams streams)
    {
        int last = -1;
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            int now = streams.Messages;
            if (now == last && now > 0)
                return now;
            last = now;
        }
        return last;
    }

    private static async Task<long> ReceiveAllAsync(Socket client, TimeSpan untilIdle)
    {
        var buffer = new byte[65536];
        long total = 0;
        while (true)
        {
            using var idle = new CancellationTokenSource(untilIdle);
            try
            {
                int received = await client.ReceiveAsync(buffer, SocketFlags.None, idle.Token);
                if (received == 0)
                    return total;
                total += received;
            }
            catch (OperationCanceledException)
            {
                return total;
            }
        }
    }
}
