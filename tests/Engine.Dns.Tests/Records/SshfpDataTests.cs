using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class SshfpDataTests
{
    private static readonly byte[] Wire = Hex("""
        04                                                                 // algorithm 4 (Ed25519)
        02                                                                 // fingerprint type 2 (SHA-256)
        123456789ABCDEF67890123456789ABCDEF67890123456789ABCDEF123456789   // fingerprint, 32 octets
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var sshfp = DecodesAndReencodes<SshfpData>(RecordType.SSHFP, Wire);
        Assert.Equal(4, sshfp.Algorithm);
        Assert.Equal(2, sshfp.FingerprintType);
        Assert.Equal(Wire[2..], sshfp.Fingerprint.ToArray());
    }

    [Fact]
    public void Read_WhenTruncated_Fails() => EveryTruncationFails(RecordType.SSHFP, Wire);

    [Fact]
    public void Read_AcceptsAnyLengthForAnUnknownFingerprintType() =>
        Assert.Equal(3, Assert.IsType<SshfpData>(Decode(RecordType.SSHFP, Convert.FromHexString("0109AABBCC"))).Fingerprint.Length);

    [Fact]
    public void Presentation_RoundTrips()
    {
        var sshfp = Decode(RecordType.SSHFP, Wire);
        Assert.Equal("4 2 123456789ABCDEF67890123456789ABCDEF67890123456789ABCDEF123456789", sshfp.ToString());
        PresentationRoundTrips(sshfp);
    }

    [Fact]
    public void Parse_AcceptsBlanksInTheFingerprint() =>
        Assert.Equal(
            Decode(RecordType.SSHFP, Wire),
            RecordData.Parse(RecordType.SSHFP, "4 2 123456789abcdef67890123456789abcdef67890123456789abcdef1 23456789"));

    [Theory]
    [InlineData("4 2")]
    [InlineData("4 2 1234")]
    [InlineData("4 1 1234")]
    [InlineData("4 9 12345")]
    [InlineData("4 9 12XY")]
    [InlineData("256 9 1234")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.SSHFP, text);
}
