using System.Net;
using Microsoft.Extensions.Configuration;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Services.Sites;
using SecondaryPortal.Testing;

namespace SecondaryPortal.Portal.Tests.Sites;

/// <summary>The address rules and the per-account limit of the wizard's live check, on a stepped clock.</summary>
public sealed class PrimaryCheckPolicyTests
{
    private static readonly AccountScope Customer = new("user-customer", IsAdmin: false);
    private static readonly AccountScope OtherCustomer = new("user-other", IsAdmin: false);
    private static readonly AccountScope Admin = new("user-admin", IsAdmin: true);

    [Theory]
    [InlineData("10.0.0.1", "private address (RFC 1918)")]
    [InlineData("127.0.0.1", "loopback address")]
    [InlineData("fd12::53", "unique local")]
    public void ACustomerGivingASpecialPurposeAddress_IsRefusedWithTheReason(string address, string reason)
    {
        string? refusal = Policy().AddressRefusal(Customer, IPAddress.Parse(address));
        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal);
        Assert.Contains("give your primary's public address", refusal);
    }

    [Fact]
    public void AnAdmin_MayUseLoopbackAndPrivateAddresses()
    {
        var policy = Policy();
        Assert.Null(policy.AddressRefusal(Admin, IPAddress.Loopback));
        Assert.Null(policy.AddressRefusal(Admin, IPAddress.Parse("10.0.0.1")));
    }

    [Fact]
    public void ACustomer_MayUsePrivateAddresses_WhenTheConfigurationAllowsThem()
    {
        var policy = Policy(("Sites:AllowPrivatePrimaries", "true"));
        Assert.True(policy.AllowPrivatePrimaries);
        Assert.Null(policy.AddressRefusal(Customer, IPAddress.Parse("192.168.0.53")));
    }

    [Fact]
    public void ACustomerGivingAPublicAddress_IsAllowed()
    {
        Assert.Null(Policy().AddressRefusal(Customer, IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public void The31stCheckInAMinute_IsRefusedWithWhenToTryAgain_AndTheNextMinuteLetsChecksThroughAgain()
    {
        var clock = new SteppedTimeProvider();
        var policy = Policy(clock);
        Assert.Equal(30, policy.ChecksPerMinute);
        for (int i = 0; i < 30; i++)
        {
            Assert.True(policy.TryAcquire(Customer, 1, out _, out _), $"check {i + 1}");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(policy.TryAcquire(Customer, 1, out string? refusal, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(30), retryAfter);
        Assert.Equal("Too many checks: an account may check 30 primaries a minute. Try again in 30 seconds.", refusal);
        Assert.True(policy.TryAcquire(OtherCustomer, 1, out _, out _)); // counted per account

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(policy.TryAcquire(Customer, 1, out _, out _));
    }

    [Fact]
    public void EachPrimaryOfACheckCountsOne_AndTheLimitIsConfigurable()
    {
        var clock = new SteppedTimeProvider();
        var policy = Policy(clock, ("Sites:ChecksPerMinute", "5"));
        Assert.True(policy.TryAcquire(Customer, 3, out _, out _));
        Assert.False(policy.TryAcquire(Customer, 3, out string? refusal, out _));
        Assert.Contains("5 primaries a minute", refusal);
    }

    [Fact]
    public void AChecksPerMinuteBelowOne_FailsAtStart()
    {
        Assert.Throws<InvalidOperationException>(() => Policy(("Sites:ChecksPerMinute", "0")));
    }

    private static PrimaryCheckPolicy Policy(params (string Key, string Value)[] settings) => Policy(new SteppedTimeProvider(), settings);

    private static PrimaryCheckPolicy Policy(TimeProvider clock, params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(), clock);
}
