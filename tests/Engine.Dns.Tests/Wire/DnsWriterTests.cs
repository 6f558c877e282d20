using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Wire;

public sealed class DnsWriterTests
{
    [Fact]
    public void WriteName_PointsToTheLongestEarlierSuffix()
    {
        var buffer = new byte[128];
        var writer = new DnsWriter(buffer);
        writer.WriteName(DnsName.Parse("example.com."));
        writer.WriteName(DnsName.Parse("www.example.com."));
        writer.WriteName(DnsName.Parse("mail.com."));
        writer.WriteName(DnsName.Parse("example.com."));
        Assert.Equal(
            "076578616D706C6503636F6D00"   // offset 0: example.com.
            + "03777777C000"               // offset 13: www -> 0
            + "046D61696CC008"             // offset 19: mail -> "com." at 8
            + "C000",                      // example.com. -> 0
            Convert.ToHexString(writer.Written));
    }

    [Fact]
    public void WriteName_WithoutCompression_WritesAllLabels()
    {
        var buffer = new byte[64];
        var writer = new DnsWriter(buffer);
        writer.WriteName(DnsName.Parse("a.example."));
        writer.WriteName(DnsName.Parse("a.example."), compress: false);
        Assert.Equal("0161076578616D706C6500" + "0161076578616D706C6500", Convert.ToHexString(writer.Written));
    }

    [Fact]
    public void WriteName_CompressionKeepsCase()
    {
        var buffer = new byte[64];
        var writer = new DnsWriter(buffer);
        writer.WriteName(DnsName.Parse("EXAMPLE."));
        writer.WriteName(DnsName.Parse("example."));
        Assert.Equal("074558414D504C4500" + "076578616D706C6500", Convert.ToHexString(writer.Written));
    }

    [Fact]
    public void Canonical_LowercasesAndNeverCompresses()
    {
        var buffer = new byte[64];
        var writer = new DnsWriter(buffer) { Canonical = true };
        writer.WriteName(DnsName.Parse("Ab."));
        writer.WriteName(DnsName.Parse("Ab."));
        writer.WriteName(DnsName.Parse("Ab."), lowercaseWhenCanonical: false);
        Assert.Equal("02616200" + "02616200" + "02416200", Convert.ToHexString(writer.Written));
    }

    [Fact]
    public void Overflow_SetsTheFlag_AndRewindingForgetsLaterNames()
    {
        var buffer = new byte[16];
        var writer = new DnsWriter(buffer);
        writer.WriteName(DnsName.Parse("example."));   // 9 octets
        int mark = writer.Position;
        writer.WriteName(DnsName.Parse("www.other."));  // does not fit
        Assert.True(writer.Overflowed);
        writer.Position = mark;
        writer.ClearOverflow();
        writer.WriteName(DnsName.Parse("a.example."));
        Assert.False(writer.Overflowed);
        Assert.Equal("076578616D706C6500" + "0161C000", Convert.ToHexString(writer.Written));
    }

    [Fact]
    public void PatchLength_WritesTheLengthOfWhatFollows()
    {
        var buffer = new byte[16];
        var writer = new DnsWriter(buffer);
        int at = writer.ReserveLength();
        writer.WriteUInt32(7);
        writer.PatchLength(at);
        Assert.Equal("000400000007", Convert.ToHexString(writer.Written));
    }
}
