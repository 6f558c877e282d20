using SecondaryPortal.Engine.Events;

namespace SecondaryPortal.Engine.Tests.Scheduling;

public sealed class ZoneTimerPolicyTests
{
    private static readonly TransferOptions Options = new()
    {
        MinRefresh = TimeSpan.FromMinutes(5), MaxRefresh = TimeSpan.FromHours(12),
        MinRetry = TimeSpan.FromSeconds(30), MaxRetry = TimeSpan.FromMinutes(30),
        MinExpire = TimeSpan.FromHours(2), MaxExpire = TimeSpan.FromDays(14),
        Jitter = 0.2,
    };

    [Theory]
    [InlineData(60L, 300)]          // below the minimum: the minimum
    [InlineData(3600L, 3600)]       // within the bounds: the SOA's value
    [InlineData(4294967295L, 43200)] // the largest SOA value: the maximum
    public void RefreshInterval_IsTheSoaValueWithinTheBounds(long soaRefresh, int expectedSeconds)
    {
        var policy = new ZoneTimerPolicy(Options, () => 0);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), policy.RefreshInterval(soaRefresh));
    }

    [Fact]
    public void Intervals_WithoutASoa_AreTheMinimums()
    {
        var policy = new ZoneTimerPolicy(Options, () => 0);

        Assert.Equal(Options.MinRefresh, policy.RefreshInterval(null));
        Assert.Equal(Options.MinRetry, policy.RetryInterval(null));
    }

    [Fact]
    public void Jitter_TakesOffAtMostTheConfiguredFraction()
    {
        var none = new ZoneTimerPolicy(Options, () => 0);
        var most = new ZoneTimerPolicy(Options, () => 0.999999);
        var half = new ZoneTimerPolicy(Options, () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(900), none.RetryInterval(900));
        Assert.Equal(TimeSpan.FromSeconds(900 * 0.9), half.RetryInterval(900));
        Assert.InRange(most.RetryInterval(900), TimeSpan.FromSeconds(900 * 0.8), TimeSpan.FromSeconds(900 * 0.8001));
    }

    [Fact]
    public void Jitter_SpreadsZonesWithTheSameSoa()
    {
        var policy = new ZoneTimerPolicy(Options);

        var intervals = Enumerable.Range(0, 1000).Select(_ => policy.RefreshInterval(3600)).ToList();

        Assert.All(intervals, i => Assert.InRange(i, TimeSpan.FromSeconds(3600 * 0.8), TimeSpan.FromSeconds(3600)));
        Assert.True(intervals.Distinct().Count() > 900, "1,000 zones refresh at almost as many times");
    }

    [Theory]
    [InlineData(600L, 7200)]
    [InlineData(86400L, 86400)]
    [InlineData(4294967295L, 1209600)]
    public void ExpireInterval_IsBoundedAndNeverJittered(long soaExpire, int expectedSeconds)
    {
        var policy = new ZoneTimerPolicy(Options, () => 0.999);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), policy.ExpireInterval(soaExpire));
    }

    [Fact]
    public void Validate_WithAMinimumAboveItsMaximum_NamesTheKeys()
    {
        var bad = Options with { MinRetry = TimeSpan.FromHours(2) };

        var error = Assert.Throws<InvalidOperationException>(bad.Validate);

        Assert.Contains("Transfers:MinRetry", error.Message, StringComparison.Ordinal);
        Assert.Contains("Transfers:MaxRetry", error.Message, StringComparison.Ordinal);
    }
}
