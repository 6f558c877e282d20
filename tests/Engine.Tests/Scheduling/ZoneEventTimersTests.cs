using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Scheduling;

namespace SecondaryPortal.Engine.Tests.Scheduling;

/// <summary>The one timer queue for every zone's REFRESH, RETRY and EXPIRE, on a stepped clock.</summary>
public sealed class ZoneEventTimersTests : IAsyncDisposable
{
    private static readonly DnsName A = DnsName.Parse("a.example.");
    private static readonly DnsName B = DnsName.Parse("b.example.");

    private readonly SteppedTimeProvider _clock = new();
    private readonly ZoneEventTimers _timers;
    private readonly ConcurrentQueue<(DnsName Zone, ZoneEvent Event)> _fired = new();

    public ZoneEventTimersTests()
    {
        _timers = new ZoneEventTimers(_clock, NullLogger<ZoneEventTimers>.Instance);
        _timers.StartAsync((zone, zoneEvent) => _fired.Enqueue((zone, zoneEvent))).GetAwaiter().GetResult();
    }

    private DateTimeOffset In(int seconds) => _clock.GetUtcNow().AddSeconds(seconds);

    public async ValueTask DisposeAsync() => await _timers.DisposeAsync();

    [Fact]
    public async Task ATimer_FiresAtItsTime_NotBefore()
    {
        await _timers.SetAsync(A, ZoneEvent.Refresh, In(60));

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(_fired);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([(A, ZoneEvent.Refresh)], _fired);
        Assert.Null(await _timers.GetDueAsync(A, ZoneEvent.Refresh));
    }

    [Fact]
    public async Task SettingATimerAgain_MovesIt_AndItFiresOnce()
    {
        await _timers.SetAsync(A, ZoneEvent.Refresh, In(60));
        await _timers.SetAsync(A, ZoneEvent.Refresh, In(120));

        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Empty(_fired);
        _clock.Advance(TimeSpan.FromSeconds(600));

        Assert.Equal([(A, ZoneEvent.Refresh)], _fired);
    }

    [Fact]
    public async Task AClearedTimer_NeverFires_AndTheOtherEventsOfTheZoneStillDo()
    {
        await _timers.SetAsync(A, ZoneEvent.Retry, In(30));
        await _timers.SetAsync(A, ZoneEvent.Expire, In(90));
        await _timers.ClearAsync(A, ZoneEvent.Retry);

        _clock.Advance(TimeSpan.FromSeconds(600));

        Assert.Equal([(A, ZoneEvent.Expire)], _fired);
    }

    [Fact]
    public async Task RemovingAZone_ClearsEveryTimerOfIt_AndNoOtherZones()
    {
        await _timers.SetAsync(A, ZoneEvent.Refresh, In(30));
        await _timers.SetAsync(A, ZoneEvent.Expire, In(60));
        await _timers.SetAsync(B, ZoneEvent.Refresh, In(45));
        await _timers.RemoveZoneAsync(A);

        _clock.Advance(TimeSpan.FromSeconds(600));

        Assert.Equal([(B, ZoneEvent.Refresh)], _fired);
        Assert.Null(await _timers.GetDueAsync(A, ZoneEvent.Expire));
    }

    [Fact]
    public async Task ATimeAlreadyPast_FiresAtOnce_WithoutTheClockMoving()
    {
        await _timers.SetAsync(A, ZoneEvent.Refresh, In(-5));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_fired.IsEmpty && DateTime.UtcNow < deadline)
            await Task.Delay(5);

        Assert.Equal([(A, ZoneEvent.Refresh)], _fired);
    }

    [Fact]
    public async Task EventsDueInOneStep_FireEarliestFirst()
    {
        await _timers.SetAsync(A, ZoneEvent.Expire, In(50));
        await _timers.SetAsync(B, ZoneEvent.Refresh, In(20));
        await _timers.SetAsync(A, ZoneEvent.Refresh, In(10));

        _clock.Advance(TimeSpan.FromSeconds(100));

        Assert.Equal([(A, ZoneEvent.Refresh), (B, ZoneEvent.Refresh), (A, ZoneEvent.Expire)], _fired);
    }

    [Fact]
    public async Task ManyZones_AreWatchedByOneTimer()
    {
        for (int i = 0; i < 1000; i++)
            await _timers.SetAsync(DnsName.Parse($"z{i}.example."), ZoneEvent.Refresh, In(100 + i));

        Assert.Equal(1, _clock.ArmedTimers);
        Assert.Equal(1000, _timers.ZoneCount);
    }

    [Fact]
    public async Task MovingTimersOverAndOver_KeepsTheQueueBoundedByTheZones()
    {
        for (int round = 0; round < 50; round++)
        {
            for (int i = 0; i < 100; i++)
                await _timers.SetAsync(DnsName.Parse($"z{i}.example."), ZoneEvent.Expire, In(10_000 - round));
        }

        Assert.Equal(100, _timers.ZoneCount);
        Assert.InRange(_timers.QueuedCount, 100, 2 * 100 + 64);
    }

    [Fact]
    public async Task ATimerDueBeyondTheLongestSleep_StillFiresOnTime()
    {
        await _timers.SetAsync(A, ZoneEvent.Expire, _clock.GetUtcNow() + 3 * ZoneEventTimers.LongestSleep + TimeSpan.FromSeconds(1));

        _clock.Advance(3 * ZoneEventTimers.LongestSleep);
        Assert.Empty(_fired);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([(A, ZoneEvent.Expire)], _fired);
    }

    [Fact]
    public async Task AZoneWithNoTimerLeft_IsForgotten()
    {
        await _timers.SetAsync(A, ZoneEvent.Refresh, In(10));

        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, _timers.ZoneCount);
    }
}
