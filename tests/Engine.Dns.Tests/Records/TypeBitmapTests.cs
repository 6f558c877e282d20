using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class TypeBitmapTests
{
    private static TypeBitmap Read(byte[] bytes)
    {
        var reader = new DnsReader(bytes);
        var bitmap = TypeBitmap.Read(ref reader);
        Assert.Equal(0, reader.Remaining);
        return bitmap;
    }

    [Fact]
    public void Read_DecodesWindowsInOrder()
    {
        var bitmap = Read(Hex("""
            00 01 40       // window 0: A
            01 01 80       // window 1: type 256 (URI)
            FF 20 0000000000000000000000000000000000000000000000000000000000000001   // window 255, 32 octets: type 65535
            """));
        Assert.Equal([RecordType.A, RecordType.URI, (RecordType)65535], bitmap.Types);
        Assert.True(bitmap.Contains(RecordType.URI));
        Assert.False(bitmap.Contains(RecordType.MX));
    }

    [Fact]
    public void Write_ProducesWhatReadAccepts()
    {
        var bitmap = new TypeBitmap([RecordType.CAA, RecordType.A, (RecordType)65535, RecordType.NS, RecordType.A]);
        var buffer = new byte[100];
        var writer = new DnsWriter(buffer);
        bitmap.Write(ref writer);
        Assert.Equal(bitmap.Types, Read(writer.Written.ToArray()).Types);
        Assert.Equal([RecordType.A, RecordType.NS, RecordType.CAA, (RecordType)65535], bitmap.Types);
    }

    [Theory]
    [InlineData("0001 40 0001 20")]          // window 0 twice
    [InlineData("0101 80 0001 40")]          // windows decreasing
    [InlineData("0000")]                     // length 0
    [InlineData("0021 " + "01" + "0000000000000000000000000000000000000000000000000000000000000000")] // length 33
    [InlineData("0002 4000")]                // trailing zero octet
    [InlineData("0001 00")]                  // an empty window
    [InlineData("0002 40")]                  // shorter than its length
    [InlineData("00")]                       // no length octet
    public void Read_WhenMalformed_Fails(string hex)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", ""));
        Assert.Throws<DnsFormatException>(() => Read(bytes));
    }
}
