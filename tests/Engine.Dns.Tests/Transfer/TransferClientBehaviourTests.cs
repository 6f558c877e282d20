using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Transfer.FakeZone;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>What the client does around the protocol: cancellation, logging, option checks.</summary>
public sealed class TransferClientBehaviourTests
{
    [Fact]
    public async Task Transfer_WhenTheCallerCancels_Throws()
    {
        await using var primary = FakePrimary.Start(c => c.HangAsync());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var client = Client(QuickOptions with { ReadTimeout = TimeSpan.FromSeconds(30) });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.TransferAsync(Zone, new PrimaryServer(primary.EndPoint), null, cancel.Token));
    }

    [Fact]
    public async Task QuerySoa_WhenTheCallerCancels_Throws()
    {
        await using var primary = FakePrimary.Start(onUdp: (_, _) => []);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var client = Client(QuickOptions with { UdpTimeout = TimeSpan.FromSeconds(30) });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint), cancel.Token));
    }

    [Fact]
    public async Task Ixfr_WhenAFallbackHappens_LogsTheZonePrimarySerialAndReason_ThenTheAxfr()
    {
        await using var primary = FakePrimary.Start(c => c.Index == 0
            ? c.SendAsync(Reply(c.Request, [], DnsRcode.NotImp).ToArray())
            : c.SendAllAsync(Framed(c.Request, AxfrStream(12, Body(3)))));
        var logger = new ListLogger<ZoneTransferClient>();
        var server = new PrimaryServer(primary.EndPoint);

        await new ZoneTransferClient(TimeProvider.System, logger, QuickOptions).TransferAsync(Zone, server, SoaData(10));

        var fallback = Assert.Single(logger.Entries, e => e.EventId.Id == 4005);
        Assert.Equal(Zone, fallback.Fields["Zone"]);
        Assert.Equal(server, fallback.Fields["Primary"]);
        Assert.Equal(10u, fallback.Fields["Serial"]);
        Assert.Contains("NOTIMP", (string)fallback.Fields["Reason"]!);
        var done = Assert.Single(logger.Entries, e => e.EventId.Id == 4003);
        Assert.Equal(LogLevel.Information, done.Level);
        Assert.Equal(TransferOutcome.Axfr, done.Fields["Outcome"]);
        Assert.Equal(12u, done.Fields["Serial"]);
    }

    [Fact]
    public async Task Ixfr_WhenALoneNewerSoaIsFollowedBySilence_FallsBackAfterTheReadTimeout()
    {
        await using var primary = FakePrimary.Start(async c =>
        {
            if (c.Index > 0)
            {
                await c.SendAllAsync(Framed(c.Request, AxfrStream(12, Body(3))));
                return;
            }
            await c.SendAsync(Reply(c.Request, [Soa(12)]).ToArray());
            await c.HangAsync();
        });

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        Assert.Equal(TransferOutcome.Axfr, result.Outcome);
        Assert.Contains("only its SOA (serial 12)", result.FallbackReason);
    }

    [Fact]
    public void Constructor_RejectsOptionsOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Client(QuickOptions with { ReadTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Client(QuickOptions with { UdpAttempts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Client(QuickOptions with { MaxRecords = 0 }));
    }
}
