using System.Net;
using SecondaryPortal.Portal.Services.Sites;

namespace SecondaryPortal.Portal.Tests.Sites;

public sealed class SitePrimaryTests
{
    [Theory]
    [InlineData("192.0.2.1", "", "192.0.2.1:53")]
    [InlineData("2001:db8::1", "5353", "[2001:db8::1]:5353")]
    [InlineData("[2001:db8::2]", "53", "[2001:db8::2]:53")]
    public void TryParse_AnAddressAndPort_GivesTheEndpoint_WithPort53ByDefault(string address, string port, string expected)
    {
        Assert.True(SitePrimary.TryParse(address, port, out var endpoint, out _, out _));
        Assert.Equal(IPEndPoint.Parse(expected), endpoint);
    }

    [Theory]
    [InlineData("", "53", "Address", "Enter the primary's IPv4 or IPv6 address.")]
    [InlineData("ns1.example.com", "53", "Address", "\"ns1.example.com\" is not an IPv4 address (192.0.2.1) nor an IPv6 address (2001:db8::1); enter an address, not a host name.")]
    [InlineData("10.1", "53", "Address", "\"10.1\" is not an IPv4 address (192.0.2.1) nor an IPv6 address (2001:db8::1); enter an address, not a host name.")]
    [InlineData("0.0.0.0", "53", "Address", "0.0.0.0 cannot be a primary: enter the address of one server.")]
    [InlineData("192.0.2.1", "0", "Port", "\"0\" is not a port: enter a number from 1 to 65535 (53 for DNS).")]
    [InlineData("192.0.2.1", "65536", "Port", "\"65536\" is not a port: enter a number from 1 to 65535 (53 for DNS).")]
    [InlineData("192.0.2.1", "-1", "Port", "\"-1\" is not a port: enter a number from 1 to 65535 (53 for DNS).")]
    public void TryParse_ABadValue_NamesTheField_AndWhatToFix(string address, string port, string field, string message)
    {
        Assert.False(SitePrimary.TryParse(address, port, out _, out string? badField, out string? error));
        Assert.Equal(field, badField);
        Assert.Equal(message, error);
    }
}
