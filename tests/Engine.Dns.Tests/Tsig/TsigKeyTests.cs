using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Tsig;

public sealed class TsigKeyTests
{
    [Fact]
    public void Create_FromConfigurationText_DecodesTheSecret()
    {
        var key = TsigKey.Create("transfer.example.", "hmac-sha256", "c2VjcmV0LWtleS1vY3RldHM=");
        Assert.Equal(DnsName.Parse("transfer.example."), key.Name);
        Assert.Same(TsigAlgorithm.HmacSha256, key.Algorithm);
        Assert.Equal("secret-key-octets"u8.ToArray(), key.Secret.ToArray());
        Assert.Equal(32, key.MacSize);
    }

    [Theory]
    [InlineData("not base64!", "not valid base64")]
    [InlineData("c2VjcmV0", null)]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    public void TryCreate_Secret_IsCheckedWithAClearError(string secret, string? error)
    {
        bool created = TsigKey.TryCreate("k.example.", "hmac-sha1", secret, out var key, out string? message);
        Assert.Equal(error is null, created);
        if (error is null)
            Assert.NotNull(key);
        else
            Assert.Contains(error, message);
    }

    [Fact]
    public void TryCreate_UnknownAlgorithm_SaysSo()
    {
        Assert.False(TsigKey.TryCreate("k.example.", "hmac-sha3-256", "c2VjcmV0", out _, out string? message));
        Assert.Contains("hmac-sha3-256", message);
        Assert.Throws<FormatException>(() => TsigKey.Create("k.example.", "hmac-sha3-256", "c2VjcmV0"));
    }

    [Fact]
    public void TryCreate_BadKeyName_SaysSo()
    {
        Assert.False(TsigKey.TryCreate(new string('a', 64) + ".example.", "hmac-sha256", "c2VjcmV0", out _, out string? message));
        Assert.Contains("key name", message);
    }

    [Fact]
    public void ToString_NeverShowsTheSecret()
    {
        var key = TsigKey.Create("k.example.", "hmac-sha256", "c2VjcmV0LWtleS1vY3RldHM=");
        Assert.DoesNotContain("c2Vj", key.ToString());
        Assert.Contains("hmac-sha256", key.ToString());
    }

    [Theory]
    [InlineData(15)]
    [InlineData(33)]
    public void Constructor_MacSizeOutsideRfcLimits_Throws(int macSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TsigKey(DnsName.Parse("k."), TsigAlgorithm.HmacSha256, [1, 2, 3], macSize));

    [Fact]
    public void Keyring_FindsKeysWithoutCase_AndRejectsDuplicates()
    {
        var key = TsigKey.Create("Transfer.Example.", "hmac-sha256", "c2VjcmV0");
        var keyring = new TsigKeyring([key]);
        Assert.True(keyring.TryFind(DnsName.Parse("transfer.example."), out var found));
        Assert.Same(key, found);
        Assert.False(keyring.TryFind(DnsName.Parse("other.example."), out _));
        Assert.Throws<ArgumentException>(() => new TsigKeyring([key, TsigKey.Create("transfer.example.", "hmac-sha1", "c2VjcmV0")]));
    }
}
