using System.Net;
using SecondaryPortal.Dns.Analytics;

namespace SecondaryPortal.Dns.Tests.Analytics;

public sealed class ClientRegionMapTests
{
    private static readonly ClientRegionMap Map = ClientRegionMap.Create(
    [
        new("10.0.0.0/8", "corp"),
        new("10.1.0.0/16", "lab"),
        new("10.1.2.3", "desk"),
        new("2001:db8::/32", "apac"),
        new("2001:db8:ff::/48", "lab"),
        new("0.0.0.0/0", "internet-v4"),
    ]);

    [Theory]
    [InlineData("10.9.9.9", "corp")]
    [InlineData("10.1.9.9", "lab")]
    [InlineData("10.1.2.3", "desk")]
    [InlineData("::ffff:10.1.2.3", "desk")]
    [InlineData("198.51.100.1", "internet-v4")]
    [InlineData("2001:db8:1::1", "apac")]
    [InlineData("2001:db8:ff::1", "lab")]
    [InlineData("2001:db9::1", "other")]
    public void RegionOf_TakesTheLongestMatchingPrefix_AndOtherWhenNoneMatches(string address, string region) =>
        Assert.Equal(region, Map.RegionOf(IPAddress.Parse(address)));

    [Fact]
    public void Regions_AreListedOnceInConfigurationOrder_WithOtherLast()
    {
        Assert.Equal(["corp", "lab", "desk", "apac", "internet-v4", "other"], Map.Regions);
        Assert.Equal(5, Map.OtherSlot);
        Assert.Equal(Map.OtherSlot, Map.SlotOf("unknown"));
        Assert.Equal(1, Map.SlotOf("lab"));
    }

    [Fact]
    public void Empty_PutsEveryClientInOther() =>
        Assert.Equal(ClientRegionMap.Other, ClientRegionMap.Empty.RegionOf(IPAddress.Parse("10.0.0.1")));

    [Theory]
    [InlineData("10.0.0.0/33", "eu", "prefix length must be a number from 0 to 32")]
    [InlineData("2001:db8::/129", "eu", "from 0 to 128")]
    [InlineData("10.1.2.3/8", "eu", "bits are set past the /8 prefix")]
    [InlineData("banana", "eu", "not an IPv4 or IPv6 network")]
    [InlineData("10.0.0.0/x", "eu", "prefix length must be a number")]
    [InlineData("", "eu", "the network is missing")]
    [InlineData("10.0.0.0/8", " ", "the region name is missing")]
    [InlineData("::ffff:10.0.0.0/104", "eu", "write it as an IPv4 network")]
    public void TryCreate_WithABadEntry_SaysWhichEntryAndWhy(string network, string region, string problem)
    {
        Assert.False(ClientRegionMap.TryCreate([new("192.0.2.0/24", "ok"), new(network, region)], out _, out string error));

        Assert.Contains("entry 1", error);
        Assert.Contains($"'{network}'", error);
        Assert.Contains(problem, error);
    }

    [Fact]
    public void TryCreate_WithANetworkListedTwice_RefusesIt()
    {
        Assert.False(ClientRegionMap.TryCreate([new("10.0.0.0/8", "a"), new("10.0.0.0/8", "b")], out _, out string error));

        Assert.Contains("listed twice", error);
    }

    [Fact]
    public void Create_WithABadEntry_ThrowsAnArgumentExceptionNamingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() => ClientRegionMap.Create([new("10.0.0.0/40", "eu")]));

        Assert.Contains("'10.0.0.0/40'", exception.Message);
    }
}
