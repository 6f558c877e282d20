using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class OpenpgpkeyDataTests
{
    private static readonly byte[] Wire = Hex("""
        99010D0452E5A1B5   // key octets (the whole RDATA)
        """);

    [Fact]
    public void Read_DecodesTheKey() =>
        Assert.Equal(Wire, DecodesAndReencodes<OpenpgpkeyData>(RecordType.OPENPGPKEY, Wire).Key.ToArray());

    [Fact]
    public void Read_WhenEmpty_Fails() =>
        // Every non-empty prefix is itself a key; only the empty RDATA is malformed (BIND agrees).
        EveryTruncationFails(RecordType.OPENPGPKEY, Wire, Enumerable.Range(1, Wire.Length - 1).ToArray());

    [Fact]
    public void Presentation_IsBase64()
    {
        var key = Decode(RecordType.OPENPGPKEY, Wire);
        Assert.Equal(Convert.ToBase64String(Wire), key.ToString());
        PresentationRoundTrips(key);
        Assert.Equal(key, RecordData.Parse(RecordType.OPENPGPKEY, "mQEN BFLl obU="));
    }

    [Theory]
    [InlineData("")]
    [InlineData("mQENBFLlobU")]
    [InlineData("not base64!")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.OPENPGPKEY, text);
}
