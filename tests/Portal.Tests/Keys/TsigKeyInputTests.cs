using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Portal.Services.Keys;

namespace SecondaryPortal.Portal.Tests.Keys;

public sealed class TsigKeyInputTests
{
    [Fact]
    public void TryDecodeSecret_WithAForeignCharacter_NamesItAndItsPosition()
    {
        Assert.False(TsigKeyInput.TryDecodeSecret("abc$", TsigAlgorithm.HmacSha256, out _, out string? error));
        Assert.Equal("The secret is not base64: '$' at position 4 is not a base64 character (A-Z, a-z, 0-9, + and /).", error);
    }

    [Fact]
    public void TryDecodeSecret_WithBase64Url_SaysToUseStandardBase64()
    {
        Assert.False(TsigKeyInput.TryDecodeSecret("ab-d", TsigAlgorithm.HmacSha256, out _, out string? error));
        Assert.Contains("base64url", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodeSecret_WithMissingPadding_SaysTheLengthIsWrong()
    {
        Assert.False(TsigKeyInput.TryDecodeSecret("abcde", TsigAlgorithm.HmacSha256, out _, out string? error));
        Assert.Contains("not a multiple of 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodeSecret_ShorterThanHalfTheHash_IsRefusedWithTheMinimum()
    {
        string eightOctets = Convert.ToBase64String(new byte[8]);
        Assert.False(TsigKeyInput.TryDecodeSecret(eightOctets, TsigAlgorithm.HmacSha256, out _, out string? error));
        Assert.Equal("The secret is too short for hmac-sha256: 8 octets, at least 16 are needed (half the hash length, RFC 8945 §6).", error);
        Assert.False(TsigKeyInput.TryDecodeSecret(Convert.ToBase64String(new byte[31]), TsigAlgorithm.HmacSha512, out _, out error));
        Assert.Contains("at least 32", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodeSecret_LongEnough_GivesTheOctets()
    {
        Assert.True(TsigKeyInput.TryDecodeSecret(" " + Convert.ToBase64String(new byte[16]) + "\n", TsigAlgorithm.HmacSha256, out var secret, out _));
        Assert.Equal(16, secret.Length);
    }

    [Fact]
    public void GenerateSecret_IsAsLongAsTheHash_AndDiffersEachTime()
    {
        foreach (var algorithm in TsigKeyInput.Algorithms)
        {
            string one = TsigKeyInput.GenerateSecret(algorithm);
            Assert.Equal(algorithm.MacSize, Convert.FromBase64String(one).Length);
            Assert.True(TsigKeyInput.TryDecodeSecret(one, algorithm, out _, out _));
            Assert.NotEqual(one, TsigKeyInput.GenerateSecret(algorithm));
        }
    }

    [Theory]
    [InlineData("", "Enter a key name, such as transfer-key.example.com.")]
    [InlineData(".", "The root name cannot name a key; use a name such as transfer-key.example.com.")]
    public void TryParseName_WithoutAName_SaysWhatToEnter(string name, string message)
    {
        Assert.False(TsigKeyInput.TryParseName(name, out _, out string? error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void TryParseName_WithAnOverlongLabel_IsRefused_AndAGoodNameIsLowercased()
    {
        Assert.False(TsigKeyInput.TryParseName(new string('a', 64) + ".example", out _, out string? error));
        Assert.StartsWith("\"aaaa", error, StringComparison.Ordinal);
        Assert.True(TsigKeyInput.TryParseName("Transfer.Example.COM", out var name, out _));
        Assert.Equal("transfer.example.com.", name.ToString());
    }

    [Fact]
    public void TryParseAlgorithm_WithAnUnknownOne_ListsThoseSupported()
    {
        Assert.False(TsigKeyInput.TryParseAlgorithm("hmac-sha3", out _, out string? error));
        Assert.Equal("Choose one of the supported algorithms: hmac-sha256, hmac-sha512, hmac-sha384, hmac-sha224, hmac-sha1, hmac-md5.", error);
    }
}
