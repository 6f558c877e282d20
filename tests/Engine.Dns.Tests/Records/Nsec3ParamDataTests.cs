using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class Nsec3ParamDataTests
{
    private static readonly byte[] Wire = Hex("""
        01             // hash algorithm 1 (SHA-1)
        00             // flags
        000C           // iterations 12
        04 AABBCCDD    // salt length 4, salt
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var param = DecodesAndReencodes<Nsec3ParamData>(RecordType.NSEC3PARAM, Wire);
        Assert.Equal(1, param.HashAlgorithm);
        Assert.Equal(0, param.Flags);
        Assert.Equal(12, param.Iterations);
        Assert.Equal(Convert.FromHexString("AABBCCDD"), param.Salt.ToArray());
    }

    [Fact]
    public void Read_WhenTruncated_Fails() => EveryTruncationFails(RecordType.NSEC3PARAM, Wire);

    [Fact]
    public void Presentation_RoundTrips()
    {
        var param = Decode(RecordType.NSEC3PARAM, Wire);
        Assert.Equal("1 0 12 AABBCCDD", param.ToString());
        PresentationRoundTrips(param);
    }

    [Fact]
    public void Presentation_WritesAnEmptySaltAsDash()
    {
        var param = DecodesAndReencodes<Nsec3ParamData>(RecordType.NSEC3PARAM, Hex("01 00 0000 00"));
        Assert.Equal("1 0 0 -", param.ToString());
        PresentationRoundTrips(param);
    }

    [Theory]
    [InlineData("1 0 12")]
    [InlineData("1 0 12 AABBCCDD EE")]
    [InlineData("1 0 12 XYZ0")]
    [InlineData("1 0 12 \"-\" extra")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.NSEC3PARAM, text);
}
