using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Tsig;

public sealed class TsigAlgorithmTests
{
    [Theory]
    [InlineData("hmac-md5", "hmac-md5.sig-alg.reg.int.", 16, 10)]
    [InlineData("hmac-sha1", "hmac-sha1.", 20, 10)]
    [InlineData("hmac-sha224", "hmac-sha224.", 28, 14)]
    [InlineData("hmac-sha256", "hmac-sha256.", 32, 16)]
    [InlineData("hmac-sha384", "hmac-sha384.", 48, 24)]
    [InlineData("hmac-sha512", "hmac-sha512.", 64, 32)]
    public void Parse_Mnemonic_GivesWireNameAndSizes(string mnemonic, string wireName, int macSize, int minimum)
    {
        var algorithm = TsigAlgorithm.Parse(mnemonic);
        Assert.Equal(wireName, algorithm.Name.ToString());
        Assert.Equal(macSize, algorithm.MacSize);
        Assert.Equal(minimum, algorithm.MinimumMacSize);
        Assert.Equal(mnemonic, algorithm.ToString());
    }

    [Theory]
    [InlineData("hmac-sha256.")]
    [InlineData("HMAC-SHA256")]
    [InlineData("Hmac-Sha256.")]
    public void TryParse_WithDotOrOtherCase_Accepts(string text)
    {
        Assert.True(TsigAlgorithm.TryParse(text, out var algorithm));
        Assert.Same(TsigAlgorithm.HmacSha256, algorithm);
    }

    [Theory]
    [InlineData("hmac-md5.sig-alg.reg.int")]
    [InlineData("HMAC-MD5.SIG-ALG.REG.INT.")]
    [InlineData("hmac-md5.")]
    public void TryParse_Md5LongOrShortName_Accepts(string text)
    {
        Assert.True(TsigAlgorithm.TryParse(text, out var algorithm));
        Assert.Same(TsigAlgorithm.HmacMd5, algorithm);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("hmac-sha3")]
    [InlineData("sha256")]
    [InlineData("gss-tsig")]
    [InlineData("hmac-sha256..")]
    public void TryParse_UnknownName_Fails(string text)
    {
        Assert.False(TsigAlgorithm.TryParse(text, out _));
        Assert.Throws<FormatException>(() => TsigAlgorithm.Parse(text));
    }

    [Fact]
    public void TryFromName_IgnoresCase()
    {
        Assert.True(TsigAlgorithm.TryFromName(DnsName.Parse("HMAC-SHA512."), out var algorithm));
        Assert.Same(TsigAlgorithm.HmacSha512, algorithm);
        Assert.False(TsigAlgorithm.TryFromName(DnsName.Parse("hmac-md5."), out _));
    }
}
