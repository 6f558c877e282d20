using System.Text;
using SecondaryPortal.Dns.Tsig;

namespace SecondaryPortal.Dns.Tests.Tsig;

public sealed class Sha224Tests
{
    // FIPS 180-4 examples (NIST "SHA224.pdf", "SHA2_Additional.pdf").
    [Theory]
    [InlineData("", "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f")]
    [InlineData("abc", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "c97ca9a559850ce97a04a96def6d99a9e0e0e2ab14e6b8df265fc0b3")]
    public void Hash_OfNistMessage_IsThePublishedDigest(string message, string digest) =>
        Assert.Equal(digest, Convert.ToHexStringLower(Sha224.Hash(Encoding.ASCII.GetBytes(message))));

    [Fact]
    public void Hash_OfOneMillionAs_IsThePublishedDigest()
    {
        var sha = new Sha224();
        var chunk = Encoding.ASCII.GetBytes(new string('a', 1000));
        for (int i = 0; i < 1000; i++)
            sha.Append(chunk);
        var digest = new byte[Sha224.HashSize];
        sha.Finish(digest);
        Assert.Equal("20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67", Convert.ToHexStringLower(digest));
    }

    // Lengths around the 55/56/64-octet padding limits exercise one- and two-block tails; digests from
    // Python's hashlib.sha224 over bytes((i * 7 + 3) & 0xFF for i in range(length)).
    [Theory]
    [InlineData(55, "703a7d6e61c83903b5db54ddf6dda2268211b47c90bbdac2ed306d8a")]
    [InlineData(56, "850fef35478d7a94a417713dbded4a39c18be2b40e6f20f47066d306")]
    [InlineData(63, "246a939bfdd1eedb1ad51b53a250d197b5752aab09580b7f1df50df7")]
    [InlineData(64, "e480c1c21ffd3f109fc0cde0daf967c748932b64f8e259d98db17420")]
    [InlineData(65, "574507bf89b5d3a0b5dcf4a684a645f27f058f3b11fde279d5b0e462")]
    [InlineData(119, "6c9c99e7d1090cb995200ccc9fc757a4383d3a1004cc36bc266c7947")]
    [InlineData(120, "d733ebb80612c4699bfca3061aab0cd9e138ef73aecf1d0f23e75340")]
    [InlineData(128, "6df983e89c8c13cecdfb5f16fc67792ae3c4d062df69124d889a396f")]
    [InlineData(130, "d763abe21c1bf2ae43f489e69b494d9d8c1818794955c0d6a2cb29fa")]
    public void Append_SplitAtEveryPoint_GivesTheReferenceDigest(int length, string expected)
    {
        var message = new byte[length];
        for (int i = 0; i < length; i++)
            message[i] = (byte)(i * 7 + 3);
        for (int split = 0; split <= length; split++)
        {
            var sha = new Sha224();
            sha.Append(message.AsSpan(0, split));
            sha.Append(message.AsSpan(split));
            var digest = new byte[Sha224.HashSize];
            sha.Finish(digest);
            Assert.Equal(expected, Convert.ToHexStringLower(digest));
        }
    }

    [Fact]
    public void Finish_ResetsForTheNextMessage()
    {
        var sha = new Sha224();
        var first = new byte[Sha224.HashSize];
        var second = new byte[Sha224.HashSize];
        sha.Append("abc"u8);
        sha.Finish(first);
        sha.Append("abc"u8);
        sha.Finish(second);
        Assert.Equal(first, second);
    }
}
