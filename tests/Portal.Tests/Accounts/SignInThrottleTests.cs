using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Tests.Accounts;

public sealed class SignInThrottleTests
{
    private const int Limit = AccountServiceCollectionExtensions.SignInAttemptsPerMinute;

    [Fact]
    public void TryAcquire_AllowsTheLimitAMinute_ThenRefusesTheNext()
    {
        var throttle = new SignInThrottle(new SteppedTimeProvider());

        var allowed = Enumerable.Range(0, Limit + 1).Select(_ => throttle.TryAcquire("192.0.2.1")).ToList();

        Assert.All(allowed.Take(Limit), Assert.True);
        Assert.False(allowed[Limit]);
    }

    [Fact]
    public void TryAcquire_CountsEachAddressApart()
    {
        var throttle = new SignInThrottle(new SteppedTimeProvider());
        for (int i = 0; i < Limit; i++)
            throttle.TryAcquire("192.0.2.1");

        Assert.False(throttle.TryAcquire("192.0.2.1"));
        Assert.True(throttle.TryAcquire("192.0.2.2"));
    }

    [Fact]
    public void TryAcquire_OnceTheMinuteIsOver_AllowsAttemptsAgain()
    {
        var clock = new SteppedTimeProvider();
        var throttle = new SignInThrottle(clock);
        for (int i = 0; i <= Limit; i++)
            throttle.TryAcquire("192.0.2.1");

        clock.Advance(TimeSpan.FromSeconds(59));
        bool beforeTheMinute = throttle.TryAcquire("192.0.2.1");
        clock.Advance(TimeSpan.FromSeconds(1));
        bool atTheMinute = throttle.TryAcquire("192.0.2.1");

        Assert.False(beforeTheMinute);
        Assert.True(atTheMinute);
    }

    [Fact]
    public void TryAcquire_FromManyAddresses_ForgetsTheWindowsThatAreOver()
    {
        var clock = new SteppedTimeProvider();
        var throttle = new SignInThrottle(clock);
        for (int i = 0; i < 5000; i++)
            throttle.TryAcquire($"10.0.{i / 256}.{i % 256}");

        clock.Advance(TimeSpan.FromMinutes(1));
        throttle.TryAcquire("192.0.2.1");

        Assert.Equal(1, throttle.AddressCount);
    }
}
