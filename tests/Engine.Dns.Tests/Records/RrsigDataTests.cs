using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class RrsigDataTests
{
    private static readonly byte[] Wire = Hex("""
        0001                        // type covered A
        05                          // algorithm 5
        03                          // labels 3
        00015180                    // original TTL 86400
        714646D7                    // expiration 2030-03-22 17:31:03 UTC
        3E5510D7                    // inception 2003-02-20 17:31:03 UTC
        0A52                        // key tag 2642
        07 4578616D706C65 00        // signer Example.
        A1B2C3D4E5F60718293A        // signature, 10 octets
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var rrsig = DecodesAndReencodes<RrsigData>(RecordType.RRSIG, Wire);
        Assert.Equal(RecordType.A, rrsig.TypeCovered);
        Assert.Equal(5, rrsig.Algorithm);
        Assert.Equal(3, rrsig.Labels);
        Assert.Equal(86400u, rrsig.OriginalTtl);
        Assert.Equal(new DateTimeOffset(2030, 3, 22, 17, 31, 3, TimeSpan.Zero).ToUnixTimeSeconds(), rrsig.Expiration);
        Assert.Equal(new DateTimeOffset(2003, 2, 20, 17, 31, 3, TimeSpan.Zero).ToUnixTimeSeconds(), rrsig.Inception);
        Assert.Equal(2642, rrsig.KeyTag);
        Assert.True(rrsig.SignerName.EqualsCaseSensitive(DnsName.Parse("Example.")));
        Assert.Equal(Wire[^10..], rrsig.Signature.ToArray());
    }

    [Fact]
    public void Read_WhenTruncated_Fails() =>
        // The signature is the rest of the RDATA: every prefix with a non-empty signature is still a record.
        EveryTruncationFails(RecordType.RRSIG, Wire, Enumerable.Range(28, Wire.Length - 28).ToArray());

    [Fact]
    public void Presentation_PrintsTimesAsDates()
    {
        var rrsig = Decode(RecordType.RRSIG, Wire);
        Assert.Equal("A 5 3 86400 20300322173103 20030220173103 2642 Example. obLD1OX2BxgpOg==", rrsig.ToString());
        PresentationRoundTrips(rrsig);
    }

    [Fact]
    public void Parse_AcceptsDecimalSecondsAndASignatureSplitAcrossFields() =>
        Assert.Equal(Decode(RecordType.RRSIG, Wire), RecordData.Parse(RecordType.RRSIG, "A RSASHA1 3 86400 1900431063 1045762263 2642 Example. obLD1O X2Bxgp Og=="));

    [Fact]
    public void Parse_ReadsUnknownCoveredTypesInGenericForm()
    {
        var rrsig = Assert.IsType<RrsigData>(RecordData.Parse(RecordType.RRSIG, "TYPE65534 13 2 300 20300101000000 20200101000000 1 example. AA=="));
        Assert.Equal((RecordType)65534, rrsig.TypeCovered);
        PresentationRoundTrips(rrsig);
    }

    [Fact]
    public void CanonicalForm_LowercasesSignerName() =>
        Assert.Equal(
            RecordData.Parse(RecordType.RRSIG, "A 5 3 86400 20300322173103 20030220173103 2642 example. obLD1OX2BxgpOg==").ToWire(),
            Decode(RecordType.RRSIG, Wire).ToCanonicalWire());

    [Theory]
    [InlineData("A 5 3 86400 20300322173103 20030220173103 2642 example.")]
    [InlineData("NOTATYPE 5 3 86400 20300322173103 20030220173103 2642 example. AA==")]
    [InlineData("A 5 3 86400 20301322173103 20030220173103 2642 example. AA==")]
    [InlineData("A 5 3 86400 19691231235959 20030220173103 2642 example. AA==")]
    [InlineData("A 5 3 86400 4294967296 20030220173103 2642 example. AA==")]
    [InlineData("A 5 3 86400 2030-03-22 20030220173103 2642 example. AA==")]
    [InlineData("A 5 256 86400 20300322173103 20030220173103 2642 example. AA==")]
    [InlineData("A 5 3 86400 20300322173103 20030220173103 2642 example. A")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.RRSIG, text);
}
