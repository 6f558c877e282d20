using System.Text;
using SecondaryPortal.Dns.Records;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class Base32HexTests
{
    // RFC 4648 §10 test vectors for base32hex, padding removed as NSEC3 writes them.
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "CO")]
    [InlineData("fo", "CPNG")]
    [InlineData("foo", "CPNMU")]
    [InlineData("foob", "CPNMUOG")]
    [InlineData("fooba", "CPNMUOJ1")]
    [InlineData("foobar", "CPNMUOJ1E8")]
    public void Encode_AndDecode_MatchRfc4648(string plain, string encoded)
    {
        Assert.Equal(encoded, Base32Hex.Encode(Encoding.ASCII.GetBytes(plain)));
        Assert.True(Base32Hex.TryDecode(encoded.ToLowerInvariant(), out var bytes));
        Assert.Equal(plain, Encoding.ASCII.GetString(bytes));
    }

    [Theory]
    [InlineData("C")]          // 5 bits cannot make an octet
    [InlineData("CPN")]        // 15 bits: one octet and a dangling digit
    [InlineData("CP======")]   // padding
    [InlineData("CW")]         // W is outside the alphabet
    [InlineData("CP")]         // non-zero bits after the last octet
    public void TryDecode_WhenMalformed_Fails(string text) => Assert.False(Base32Hex.TryDecode(text, out _));
}
