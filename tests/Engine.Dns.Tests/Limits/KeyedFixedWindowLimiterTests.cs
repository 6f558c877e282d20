using SecondaryPortal.Dns.Limits;

namespace SecondaryPortal.Dns.Tests.Limits;

public sealed class KeyedFixedWindowLimiterTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void TryAcquire_CountsEachKeyApart()
    {
        var limiter = new KeyedFixedWindowLimiter<string>(permitLimit: 2, Minute, new SteppedTimeProvider());
        limiter.TryAcquire("192.0.2.1");
        limiter.TryAcquire("192.0.2.1");

        Assert.False(limiter.TryAcquire("192.0.2.1"));
        Assert.True(limiter.TryAcquire("192.0.2.2"));
    }

    [Fact]
    public void TryAcquire_StartsAKeysFirstWindowAtItsFirstAcquisition()
    {
        var clock = new SteppedTimeProvider();
        var limiter = new KeyedFixedWindowLimiter<string>(permitLimit: 1, Minute, clock);
        clock.Advance(TimeSpan.FromSeconds(50));
        limiter.TryAcquire("192.0.2.1");

        clock.Advance(TimeSpan.FromSeconds(30));
        bool eightySecondsIn = limiter.TryAcquire("192.0.2.1");
        clock.Advance(TimeSpan.FromSeconds(30));
        bool aMinuteAfterTheFirst = limiter.TryAcquire("192.0.2.1");

        Assert.False(eightySecondsIn);
        Assert.True(aMinuteAfterTheFirst);
    }

    [Fact]
    public void TryAcquire_AboveTheSweepThreshold_ForgetsTheKeysWhoseWindowIsOver()
    {
        var clock = new SteppedTimeProvider();
        var limiter = new KeyedFixedWindowLimiter<int>(permitLimit: 1, Minute, clock);
        for (int key = 0; key <= KeyedFixedWindowLimiter<int>.SweepAbove; key++)
            limiter.TryAcquire(key);
        clock.Advance(TimeSpan.FromSeconds(30));
        limiter.TryAcquire(-1);

        clock.Advance(TimeSpan.FromSeconds(30));
        limiter.TryAcquire(-2);

        Assert.Equal(2, limiter.KeyCount);
    }

    [Fact]
    public void TryAcquire_AtOrBelowTheSweepThreshold_KeepsEveryKey()
    {
        var clock = new SteppedTimeProvider();
        var limiter = new KeyedFixedWindowLimiter<int>(permitLimit: 1, Minute, clock);
        for (int key = 0; key < KeyedFixedWindowLimiter<int>.SweepAbove; key++)
            limiter.TryAcquire(key);

        clock.Advance(Minute);
        limiter.TryAcquire(-1);

        Assert.Equal(KeyedFixedWindowLimiter<int>.SweepAbove + 1, limiter.KeyCount);
    }

    [Fact]
    public void TryAcquire_ArmsNoTimer()
    {
        var clock = new SteppedTimeProvider();
        var limiter = new KeyedFixedWindowLimiter<string>(permitLimit: 1, Minute, clock);

        limiter.TryAcquire("192.0.2.1");

        Assert.Equal(0, clock.ArmedTimers);
    }
}
