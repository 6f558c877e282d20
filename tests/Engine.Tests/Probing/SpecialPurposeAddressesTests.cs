using System.Net;
using SecondaryPortal.Engine.Probing;

namespace SecondaryPortal.Engine.Tests.Probing;

/// <summary>Which addresses a customer's primary may not be on (RFC 6890's special-purpose ranges).</summary>
public sealed class SpecialPurposeAddressesTests
{
    [Theory]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.255", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("192.0.2.1", "documentation")]
    [InlineData("198.51.100.1", "documentation")]
    [InlineData("203.0.113.1", "documentation")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fd00::1", "unique local")]
    [InlineData("fc00::1", "unique local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("64:ff9b::a00:1", "private")]
    [InlineData("100::1", "discard-only")]
    public void Classify_OfASpecialPurposeAddress_NamesItsRange(string address, string kind)
    {
        Assert.Contains(kind, SpecialPurposeAddresses.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Classify_OfAPublicUnicastAddress_IsNull(string address)
    {
        Assert.Null(SpecialPurposeAddresses.Classify(IPAddress.Parse(address)));
    }
}
