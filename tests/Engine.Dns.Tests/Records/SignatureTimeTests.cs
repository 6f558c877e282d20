using SecondaryPortal.Dns.Records;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class SignatureTimeTests
{
    [Theory]
    [InlineData("19700101000000", 0u)]
    [InlineData("21060207062815", uint.MaxValue)]
    [InlineData("0", 0u)]
    [InlineData("4294967295", uint.MaxValue)]
    public void TryParse_ReadsDatesAndSeconds(string text, uint expected)
    {
        Assert.True(SignatureTime.TryParse(text, out uint seconds));
        Assert.Equal(expected, seconds);
    }

    [Fact]
    public void TryParse_WrapsDatesPast2106AsSerialNumbers()
    {
        // RFC 4034 §3.1.5: the field is a serial number modulo 2^32.
        Assert.True(SignatureTime.TryParse("21060207062816", out uint seconds));
        Assert.Equal(0u, seconds);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1045762263u)]
    [InlineData(uint.MaxValue)]
    public void ToText_ReadsBack(uint seconds)
    {
        Assert.True(SignatureTime.TryParse(SignatureTime.ToText(seconds), out uint parsed));
        Assert.Equal(seconds, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+1")]
    [InlineData("20300230000000")]
    [InlineData("2030032217310")]
    public void TryParse_WhenMalformed_Fails(string text) => Assert.False(SignatureTime.TryParse(text, out _));
}
