using SecondaryPortal.Dns.Limits;

namespace SecondaryPortal.Dns.Tests.Limits;

public sealed class FixedWindowLimiterTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void TryAcquire_LetsThePermitLimitThrough_ThenRefusesTheRestOfTheWindow()
    {
        var limiter = new FixedWindowLimiter(permitLimit: 3, Second, new SteppedTimeProvider());

        var results = Enumerable.Range(0, 5).Select(_ => limiter.TryAcquire()).ToList();

        Assert.Equal([true, true, true, false, false], results);
    }

    [Fact]
    public void TryAcquire_WhenTheWindowIsOver_LetsThePermitLimitThroughAgain()
    {
        var clock = new SteppedTimeProvider();
        var limiter = new FixedWindowLimiter(permitLimit: 2, Second, clock);
        limiter.TryAcquire();
        limiter.TryAcquire();

        clock.Advance(Second - TimeSpan.FromTicks(1));
        bool beforeTheWindowEnds = limiter.TryAcquire();
        clock.Advance(TimeSpan.FromTicks(1));
        bool first = limiter.TryAcquire(), second = limiter.TryAcquire(), third = limiter.TryAcquire();

        Assert.False(beforeTheWindowEnds);
        Assert.Equal((true, true, false), (first, second, third));
    }

    [Fact]
    public void TryAcquire_CountsWindowsFromCreation_NotFromTheFirstAcquisition()
    {
        var clock = new SteppedTimeProvider();
        var limiter = new FixedWindowLimiter(permitLimit: 1, Second, clock);

        clock.Advance(TimeSpan.FromMilliseconds(900));
        bool late = limiter.TryAcquire();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        bool nextWindow = limiter.TryAcquire();

        Assert.True(late);
        Assert.True(nextWindow);
    }

    [Fact]
    public void TryAcquire_ReportsHowManyWereRefused_ToTheNextOneLetThrough()
    {
        var clock = new SteppedTimeProvider();
        var limiter = new FixedWindowLimiter(permitLimit: 1, Second, clock);
        limiter.TryAcquire(out long beforeAny);
        for (int i = 0; i < 7; i++)
            limiter.TryAcquire(out _);

        clock.Advance(Second);
        limiter.TryAcquire(out long afterSeven);
        clock.Advance(Second);
        limiter.TryAcquire(out long afterNone);

        Assert.Equal(0, beforeAny);
        Assert.Equal(7, afterSeven);
        Assert.Equal(0, afterNone);
    }

    [Fact]
    public void TryAcquire_WhenRefused_ReportsNothingRefused()
    {
        var limiter = new FixedWindowLimiter(permitLimit: 1, Second, new SteppedTimeProvider());
        limiter.TryAcquire();

        bool allowed = limiter.TryAcquire(out long refused);

        Assert.False(allowed);
        Assert.Equal(0, refused);
    }

    [Fact]
    public void TryAcquire_AfterManyIdleWindows_StartsAFreshWindow()
    {
        var clock = new SteppedTimeProvider();
        var limiter = new FixedWindowLimiter(permitLimit: 1, TimeSpan.FromMinutes(1), clock);
        limiter.TryAcquire();

        clock.Advance(TimeSpan.FromDays(400));

        Assert.True(limiter.IsIdle);
        Assert.True(limiter.TryAcquire());
        Assert.False(limiter.IsIdle);
        Assert.False(limiter.TryAcquire());
    }

    [Fact]
    public void TryAcquire_FromManyThreadsAtOnce_LetsExactlyThePermitLimitThrough()
    {
        var limiter = new FixedWindowLimiter(permitLimit: 1000, Second, new SteppedTimeProvider());
        int allowed = 0;

        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 1000; i++)
            {
                if (limiter.TryAcquire())
                    Interlocked.Increment(ref allowed);
            }
        });

        Assert.Equal(1000, allowed);
    }

    [Fact]
    public void TryAcquire_ArmsNoTimer()
    {
        var clock = new SteppedTimeProvider();
        var limiter = new FixedWindowLimiter(permitLimit: 1, Second, clock);

        limiter.TryAcquire();
        limiter.TryAcquire();

        Assert.Equal(0, clock.ArmedTimers);
    }

    [Fact]
    public void TryAcquire_WhenRefused_AllocatesNothing()
    {
        var limiter = new FixedWindowLimiter(permitLimit: 1, Second, new SteppedTimeProvider());
        limiter.TryAcquire();
        limiter.TryAcquire(out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            limiter.TryAcquire(out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(FixedWindowLimiter.MaxPermitLimit + 1)]
    public void Constructor_WithAPermitLimitOutOfRange_Throws(int permitLimit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedWindowLimiter(permitLimit, Second, new SteppedTimeProvider()));
    }

    [Fact]
    public void Constructor_WithAnEmptyWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedWindowLimiter(1, TimeSpan.Zero, new SteppedTimeProvider()));
    }
}
