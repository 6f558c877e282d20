using System.Net;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Outbound;

public sealed class TransferAclEntryTests
{
    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1/32")]
    [InlineData(" 192.0.2.0/24 ", "192.0.2.0/24")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("::1", "::1/128")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("key:Transfer.Example", "key:transfer.example.")]
    [InlineData("KEY:transfer.example.", "key:transfer.example.")]
    public void Parse_ReadsTheFormsAndWritesThemBackNormalised(string text, string expected)
    {
        Assert.Equal(expected, TransferAclEntry.Parse(text).ToString());
    }

    [Theory]
    [InlineData("192.0.2.1/24", "bits set beyond")]
    [InlineData("192.0.2.0/33", "prefix length")]
    [InlineData("192.0.2", "neither an address")]
    [InlineData("host.example.", "neither an address")]
    [InlineData("key:", "must be followed")]
    [InlineData("key:bad..name", "not a valid TSIG key name")]
    public void TryParse_Rejects_WithAReason(string text, string reason)
    {
        Assert.False(TransferAclEntry.TryParse(text, out _, out string? error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("192.0.2.0/24", "192.0.2.200", null, true)]
    [InlineData("192.0.2.0/24", "192.0.3.1", null, false)]
    [InlineData("192.0.2.0/24", "::ffff:192.0.2.9", null, true)]
    [InlineData("2001:db8::/32", "2001:db8:1::5", null, true)]
    [InlineData("2001:db8::/32", "192.0.2.1", null, false)]
    [InlineData("key:k.example.", "198.51.100.1", "K.Example.", true)]
    [InlineData("key:k.example.", "198.51.100.1", "other.example.", false)]
    [InlineData("key:k.example.", "198.51.100.1", null, false)]
    public void Allows_MatchesNetworksAndVerifiedKeys(string entry, string remote, string? key, bool allowed)
    {
        var keyName = key is null ? null : DnsName.Parse(key);

        Assert.Equal(allowed, TransferAclEntry.Parse(entry).Allows(IPAddress.Parse(remote), keyName));
    }

    [Fact]
    public void AnyAllows_OfAnEmptyList_AllowsNobody()
    {
        Assert.False(TransferAclEntry.AnyAllows([], IPAddress.Loopback, null));
    }
}
