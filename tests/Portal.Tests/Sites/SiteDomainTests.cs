using SecondaryPortal.Portal.Services.Sites;

namespace SecondaryPortal.Portal.Tests.Sites;

public sealed class SiteDomainTests
{
    [Fact]
    public void Parse_AnIdn_StoresPunycode_AndShowsUnicode()
    {
        var check = SiteDomain.Parse("Bücher.Example");
        Assert.True(check.Succeeded, check.Message);
        Assert.Equal("xn--bcher-kva.example.", check.Origin);
        Assert.Equal("bücher.example", check.DisplayName);
        Assert.True(check.IsIdn);
        Assert.Equal("bücher.example is stored as xn--bcher-kva.example. (punycode, RFC 3492).", check.Message);
        Assert.Equal("bücher.example", SiteDomain.Display("xn--bcher-kva.example."));
    }

    [Fact]
    public void Parse_ACaseAndFinalDotVariant_IsTheLowercaseOrigin()
    {
        var check = SiteDomain.Parse(" Example.COM. ");
        Assert.True(check.Succeeded);
        Assert.Equal("example.com.", check.Origin);
        Assert.False(check.IsIdn);
    }

    [Theory]
    [InlineData("", "Enter a domain, such as example.com.")]
    [InlineData("https://example.com/", "Enter the domain only, without http:// or a path (example.com, not https://example.com/).")]
    [InlineData("a..example", "The domain has an empty label (two dots in a row, or a dot at the start).")]
    [InlineData("example", "Enter the full domain with its top-level domain, such as example.com.")]
    [InlineData(".", "The root zone cannot be added; enter a domain such as example.com.")]
    [InlineData("-shop.example", "The label \"-shop\" starts or ends with a hyphen, which a host name may not (RFC 952, RFC 1123 §2.1).")]
    [InlineData("sh!op.example", "The label \"sh!op\" holds '!', which a domain name may not (letters, digits and hyphens only).")]
    [InlineData("user@example.com", "A domain has no spaces nor @; enter it like example.com.")]
    public void Parse_ABadName_SaysPreciselyWhatIsWrong(string text, string message)
    {
        var check = SiteDomain.Parse(text);
        Assert.False(check.Succeeded);
        Assert.Null(check.Origin);
        Assert.Equal(message, check.Message);
    }

    [Fact]
    public void Parse_AnOverlongLabel_GivesItsLength()
    {
        var check = SiteDomain.Parse(new string('a', 64) + ".example");
        Assert.Equal("The label \"aaaaaaaaaaaaaaaaaaaa…\" is 64 characters long; a label holds at most 63 (RFC 1035 §2.3.4).", check.Message);
    }
}
