using System.Text;
using SecondaryPortal.Dns.Tsig;

namespace SecondaryPortal.Dns.Tests.Tsig;

public sealed class HmacSha224Tests
{
    // RFC 4231 §4.2 to §4.8, HMAC-SHA-224 results.
    [Theory]
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22")]
    [InlineData("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
        "7fb3cb3588c6c1f6ffa9694d7d6ad2649365b0c1f65d69d1ec8333ea")]
    [InlineData("0102030405060708090a0b0c0d0e0f10111213141516171819",
        "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
        "6c11506874013cac6a2abc1bb382627cec6a90d86efc012de7afec5a")]
    public void Compute_RfcTestCase_GivesThePublishedMac(string keyHex, string dataHex, string mac) =>
        Assert.Equal(mac, Convert.ToHexStringLower(HmacSha224.Compute(Convert.FromHexString(keyHex), Convert.FromHexString(dataHex))));

    [Fact]
    public void Compute_TruncationTestCase_StartsWithThePublishedMac()
    {
        // RFC 4231 §4.6: only the leftmost 128 bits are given.
        var mac = HmacSha224.Compute(Enumerable.Repeat((byte)0x0c, 20).ToArray(), Encoding.ASCII.GetBytes("Test With Truncation"));
        Assert.Equal("0e2aea68a90c8d37c988bcdb9fca6fa8", Convert.ToHexStringLower(mac.AsSpan(0, 16)));
    }

    [Theory]
    [InlineData("Test Using Larger Than Block-Size Key - Hash Key First", "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e")]
    [InlineData("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
        "3a854166ac5d9f023f54d517d0b39dbd946770db9c2b95c9f6f565d1")]
    public void Compute_KeyLongerThanBlock_HashesTheKeyFirst(string data, string mac)
    {
        // RFC 4231 §4.7 and §4.8: a 131-octet key of 0xaa.
        var key = Enumerable.Repeat((byte)0xaa, 131).ToArray();
        Assert.Equal(mac, Convert.ToHexStringLower(HmacSha224.Compute(key, Encoding.ASCII.GetBytes(data))));
    }

    [Fact]
    public void Finish_StartsTheNextMacUnderTheSameKey()
    {
        // RFC 4231 §4.3 twice through one instance, the data fed in pieces.
        using var hmac = new HmacSha224("Jefe"u8);
        var data = "what do ya want for nothing?"u8.ToArray();
        for (int round = 0; round < 2; round++)
        {
            hmac.Append(data.AsSpan(0, 5));
            hmac.Append(data.AsSpan(5));
            var mac = new byte[Sha224.HashSize];
            hmac.Finish(mac);
            Assert.Equal("a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44", Convert.ToHexStringLower(mac));
        }
    }
}
