using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Wire;

public sealed class DnsReaderTests
{
    [Fact]
    public void ReadName_FollowsBackwardPointers()
    {
        byte[] message = Convert.FromHexString(
            "07" + "6578616D706C65" + "00"   // offset 0: example.
            + "03" + "777777" + "C000");     // offset 9: www + pointer to offset 0
        var reader = new DnsReader(message, 9);
        Assert.Equal("www.example.", reader.ReadName().ToString());
        Assert.Equal(message.Length, reader.Position);
    }

    [Fact]
    public void ReadName_WhenPointerPointsForward_Fails()
    {
        byte[] message = Convert.FromHexString("C002" + "00");
        var error = Assert.Throws<DnsFormatException>(() => new DnsReader(message).ReadName());
        Assert.Equal(DnsFormatError.BadPointer, error.Error);
    }

    [Fact]
    public void ReadName_WhenPointerPointsAtItself_Fails()
    {
        byte[] message = Convert.FromHexString("00" + "C001");
        var error = Assert.Throws<DnsFormatException>(() => new DnsReader(message, 1).ReadName());
        Assert.Equal(DnsFormatError.BadPointer, error.Error);
    }

    [Fact]
    public void ReadName_WhenPointersLoop_Fails()
    {
        // offset 0: label "a" then pointer to 4; offset 4: label "b" then pointer to 0 -> loop.
        byte[] message = Convert.FromHexString("0161" + "C004" + "0162" + "C000");
        var error = Assert.Throws<DnsFormatException>(() => new DnsReader(message, 4).ReadName());
        Assert.Equal(DnsFormatError.BadPointer, error.Error);
    }

    [Fact]
    public void ReadName_WhenExtendedLabelType_Fails()
    {
        var error = Assert.Throws<DnsFormatException>(() => new DnsReader(Convert.FromHexString("4100")).ReadName());
        Assert.Equal(DnsFormatError.BadLabelType, error.Error);
    }

    [Fact]
    public void ReadName_WhenLongerThan255Octets_Fails()
    {
        var bytes = new List<byte>();
        for (int i = 0; i < 5; i++)
        {
            bytes.Add(63);
            bytes.AddRange(Enumerable.Repeat((byte)'a', 63));
        }
        bytes.Add(0);
        var error = Assert.Throws<DnsFormatException>(() => new DnsReader(bytes.ToArray()).ReadName());
        Assert.Equal(DnsFormatError.NameTooLong, error.Error);
    }

    [Fact]
    public void Reads_PastTheLimit_FailAsTruncated()
    {
        var reader = new DnsReader([1, 2, 3]);
        Assert.Equal(0x0102, reader.ReadUInt16());
        try
        {
            reader.ReadUInt16();
            Assert.Fail("expected a truncation error");
        }
        catch (DnsFormatException e)
        {
            Assert.Equal(DnsFormatError.Truncated, e.Error);
        }
    }

    [Fact]
    public void PopLimit_WhenRdataNotFullyRead_Fails()
    {
        var reader = new DnsReader([0, 0, 0, 0]);
        int outer = reader.PushLimit(3);
        reader.ReadUInt16();
        try
        {
            reader.PopLimit(outer);
            Assert.Fail("expected an RDATA length error");
        }
        catch (DnsFormatException e)
        {
            Assert.Equal(DnsFormatError.BadRdata, e.Error);
        }
    }
}
