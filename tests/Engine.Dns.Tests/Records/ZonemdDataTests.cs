using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class ZonemdDataTests
{
    private const string Digest = "FEBE3D4CE2EC2FFA4BA99D46CD69D6D29711E55217057BEE7EB1A7B641A47BA7FED2DD5B97AE499FAFA4F22C6BD647DE";

    private static readonly byte[] Wire = Hex($"""
        7848B91C          // serial 2018031900
        01                // scheme 1 (SIMPLE)
        01                // hash algorithm 1 (SHA-384)
        {Digest}          // digest, 48 octets
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var zonemd = DecodesAndReencodes<ZonemdData>(RecordType.ZONEMD, Wire);
        Assert.Equal(2018031900u, zonemd.Serial);
        Assert.Equal(ZonemdData.SimpleScheme, zonemd.Scheme);
        Assert.Equal(ZonemdData.Sha384, zonemd.HashAlgorithm);
        Assert.Equal(Convert.FromHexString(Digest), zonemd.Digest.ToArray());
    }

    [Fact]
    public void Read_WhenTruncated_Fails() => EveryTruncationFails(RecordType.ZONEMD, Wire);

    [Fact]
    public void Read_AcceptsAnUnknownHashOfTwelveOctetsOrMore()
    {
        Assert.Equal(12, Assert.IsType<ZonemdData>(Decode(RecordType.ZONEMD, Hex("00000001 01 F0 000102030405060708090A0B"))).Digest.Length);
        Assert.Throws<DnsFormatException>(() => Decode(RecordType.ZONEMD, Hex("00000001 01 F0 000102030405060708090A")));
    }

    [Fact]
    public void Presentation_RoundTrips()
    {
        var zonemd = Decode(RecordType.ZONEMD, Wire);
        Assert.Equal($"2018031900 1 1 {Digest}", zonemd.ToString());
        PresentationRoundTrips(zonemd);
    }

    [Fact]
    public void Parse_AcceptsBlanksInTheDigest() =>
        Assert.Equal(Decode(RecordType.ZONEMD, Wire), RecordData.Parse(RecordType.ZONEMD, $"2018031900 1 1 {Digest[..56]} {Digest[56..]}"));

    [Theory]
    [InlineData("2018031900 1 1")]
    [InlineData("2018031900 1 1 FEBE3D4CE2EC2FFA4BA99D46")]
    [InlineData("2018031900 1 2 " + Digest)]
    [InlineData("2018031900 1 240 000102030405060708090A")]
    [InlineData("4294967296 1 1 " + Digest)]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.ZONEMD, text);
}
