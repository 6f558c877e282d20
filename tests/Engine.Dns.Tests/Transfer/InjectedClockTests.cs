using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Transfer;

using static SecondaryPortal.Dns.Tests.Transfer.FakeZone;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>The client's and sender's timeouts run on the injected <see cref="TimeProvider"/>: an hour-long timeout passes in no time.</summary>
public sealed class InjectedClockTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task QuerySoa_RetriesAndTimesOut_OnTheInjectedClock()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = FakePrimary.Start(onUdp: (_, _) => []);
        var client = new ZoneTransferClient(clock, NullLogger<ZoneTransferClient>.Instance,
            new ZoneTransferClientOptions { UdpTimeout = Hour, UdpAttempts = 3, SoaTcpFallback = false });

        var query = client.QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            await Until(() => primary.Datagrams == attempt && clock.ArmedTimers == 1);
            clock.Advance(Hour);
        }
        var result = await query.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SoaQueryOutcome.Timeout, result.Outcome);
        Assert.Equal(3 * Hour, result.Duration);
    }

    [Fact]
    public async Task Transfer_TimesOutWaitingForAMessage_OnTheInjectedClock()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = FakePrimary.Start(c => c.HangAsync());
        var client = new ZoneTransferClient(clock, NullLogger<ZoneTransferClient>.Instance,
            new ZoneTransferClientOptions { ReadTimeout = Hour, TransferTimeout = 10 * Hour });

        var transfer = client.TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);
        await Until(() => primary.Requests.Count == 1 && clock.ArmedTimers == 2); // the overall deadline and the message timer
        clock.Advance(Hour);
        var result = await transfer.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TransferOutcome.Timeout, result.Outcome);
        Assert.Contains("no complete message within 3600 s", result.Error);
        Assert.Equal(Hour, result.Duration);
    }

    [Fact]
    public async Task Notify_BacksOffOnTheInjectedClock()
    {
        var clock = new SteppedTimeProvider();
        await using var secondary = FakePrimary.Start(onUdp: (_, _) => []);
        var options = new NotifySenderOptions { InitialTimeout = Hour, BackoffFactor = 2, MaxTimeout = 3 * Hour, MaxAttempts = 3 };
        var sender = new NotifySender(clock, NullLogger<NotifySender>.Instance, options);

        var send = sender.SendAsync(Zone, null, new NotifyTarget(secondary.EndPoint));
        foreach (var (attempt, wait) in new[] { (1, Hour), (2, 2 * Hour), (3, 3 * Hour) })
        {
            await Until(() => secondary.Datagrams == attempt && clock.ArmedTimers == 1);
            clock.Advance(wait);
        }
        var result = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(NotifyOutcome.Timeout, result.Outcome);
        Assert.Equal(6 * Hour, result.Duration);
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !condition(); await Task.Delay(5))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the client did not reach the expected state");
        }
    }
}
