using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Tsig;

public sealed class TsigDataCodecTests
{
    private const string Rdata =
        "0b686d61632d73686132353600" // algorithm name: hmac-sha256. (uncompressed)
        + "00006553f100"             // time signed: 1700000000 (48 bits)
        + "012c"                     // fudge: 300
        + "0010"                     // MAC size: 16
        + "00112233445566778899aabbccddeeff" // MAC
        + "1234"                     // original ID: 4660
        + "0012"                     // error: 18 (BADTIME)
        + "0006"                     // other length: 6
        + "00006553f1ff";            // other data: server time 1700000255

    private const string RecordHeader =
        "036b6579076578616d706c6500" // owner: key.example.
        + "00fa"                     // type: TSIG (250)
        + "00ff"                     // class: ANY
        + "00000000"                 // TTL: 0
        + "0033";                    // RDLENGTH: 51

    private const string Presentation = "hmac-sha256. 1700000000 300 16 ABEiM0RVZneImaq7zN3u/w== 4660 BADTIME 6 AABlU/H/";

    [Fact]
    public void Read_Record_DecodesEveryField()
    {
        var bytes = Convert.FromHexString(RecordHeader + Rdata);
        var reader = new DnsReader(bytes);
        var record = DnsRecord.Read(ref reader);
        var tsig = Assert.IsType<TsigData>(record.Data);
        Assert.Equal(DnsName.Parse("key.example."), record.Name);
        Assert.Equal(DnsClass.ANY, record.Class);
        Assert.Equal(DnsName.Parse("hmac-sha256."), tsig.Algorithm);
        Assert.Equal(1700000000UL, tsig.TimeSigned);
        Assert.Equal(300, tsig.Fudge);
        Assert.Equal("00112233445566778899AABBCCDDEEFF", Convert.ToHexString(tsig.Mac.Span));
        Assert.Equal(0x1234, tsig.OriginalId);
        Assert.Equal(DnsRcode.BadTime, tsig.Error);
        Assert.Equal(1700000255UL, tsig.ServerTime);
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void Read_EveryTruncation_ThrowsFormatError()
    {
        var bytes = Convert.FromHexString(RecordHeader + Rdata);
        for (int length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes[..length];
            Assert.Throws<DnsFormatException>(() =>
            {
                var reader = new DnsReader(prefix);
                DnsRecord.Read(ref reader);
            });
        }
    }

    [Fact]
    public void Read_RdlengthCuttingAnyField_ThrowsFormatError()
    {
        // The message goes on after the RDATA, so only the RDATA limit stops a field from reading past it.
        var rdata = Convert.FromHexString(Rdata);
        for (int cut = 0; cut < rdata.Length; cut++)
        {
            var bytes = Convert.FromHexString(RecordHeader[..^4] + cut.ToString("x4") + Rdata);
            Assert.Throws<DnsFormatException>(() =>
            {
                var reader = new DnsReader(bytes);
                DnsRecord.Read(ref reader);
            });
        }
    }

    [Fact]
    public void Read_OctetsAfterOtherData_ThrowsFormatError()
    {
        var bytes = Convert.FromHexString(RecordHeader[..^4] + "0034" + Rdata + "00");
        var error = Assert.Throws<DnsFormatException>(() =>
        {
            var reader = new DnsReader(bytes);
            DnsRecord.Read(ref reader);
        });
        Assert.Equal(DnsFormatError.BadRdata, error.Error);
    }

    [Fact]
    public void Read_CompressedAlgorithmName_IsRejected()
    {
        var bytes = Convert.FromHexString(
            "0b686d61632d73686132353600" // offset 0: hmac-sha256. (something earlier in the message)
            + "036b657900"               // owner: key.
            + "00fa00ff00000000"         // type TSIG, class ANY, TTL 0
            + "0012"                     // RDLENGTH: 18
            + "c000"                     // algorithm name: pointer to offset 0 (RFC 8945 §4.2 forbids it)
            + "00006553f100012c"         // time signed, fudge
            + "0000"                     // MAC size 0
            + "123400110000");           // original ID, error 17 (BADKEY), other length 0
        var error = Assert.Throws<DnsFormatException>(() =>
        {
            var reader = new DnsReader(bytes, 13);
            DnsRecord.Read(ref reader);
        });
        Assert.Equal(DnsFormatError.BadRdata, error.Error);
    }

    [Fact]
    public void WriteRdata_GivesTheWireForm()
    {
        var tsig = new TsigData(DnsName.Parse("hmac-sha256."), 1700000000, 300, Convert.FromHexString("00112233445566778899aabbccddeeff"),
            0x1234, DnsRcode.BadTime, Convert.FromHexString("00006553f1ff"));
        Assert.Equal(Rdata, Convert.ToHexStringLower(tsig.ToWire()));
    }

    [Fact]
    public void WriteRdata_KeepsTheAlgorithmNameCaseEvenInCanonicalForm()
    {
        // TSIG is not in RFC 4034 §6.2's list of types whose names are lowercased.
        var tsig = new TsigData(DnsName.Parse("HMAC-SHA1."), 1, 300, [], 1, DnsRcode.NoError, []);
        Assert.Equal("09484d41432d5348413100", Convert.ToHexStringLower(tsig.ToCanonicalWire())[..22]);
    }

    [Fact]
    public void ToString_IsBindsPresentationForm()
    {
        var bytes = Convert.FromHexString(Rdata);
        var reader = new DnsReader(bytes);
        reader.PushLimit(bytes.Length);
        Assert.Equal(Presentation, RecordData.Read(RecordType.TSIG, ref reader, bytes.Length).ToString());
    }

    [Fact]
    public void ToString_EmptyMacAndOtherData_LeavesThemOut()
    {
        var tsig = new TsigData(DnsName.Parse("hmac-sha1."), 1700000000, 300, [], 7, DnsRcode.BadSig, []);
        Assert.Equal("hmac-sha1. 1700000000 300 0 7 BADSIG 0", tsig.ToString());
    }

    [Fact]
    public void Parse_PresentationForm_GivesTheWireForm()
    {
        var data = RecordData.Parse(RecordType.TSIG, Presentation);
        Assert.Equal(Rdata, Convert.ToHexStringLower(data.ToWire()));
    }

    [Fact]
    public void Parse_MacSplitOverFieldsAndNumericError_IsAccepted()
    {
        var data = RecordData.Parse(RecordType.TSIG, "hmac-sha256. 1700000000 300 16 ABEiM0RV ZneImaq7zN3u/w== 4660 18 6 AABlU/H/");
        Assert.Equal(Rdata, Convert.ToHexStringLower(data.ToWire()));
    }

    [Fact]
    public void Parse_GenericForm_DecodesTsig()
    {
        var data = RecordData.Parse(RecordType.TSIG, @"\# 51 " + Rdata);
        Assert.IsType<TsigData>(data);
        Assert.Equal(Presentation, data.ToString());
    }

    [Theory]
    [InlineData("hmac-sha256. 1700000000 300 16 ABEiM0RV 4660 NOERROR 0", "the MAC")]
    [InlineData("hmac-sha256. 281474976710656 300 0 1 NOERROR 0", "the time signed")]
    [InlineData("hmac-sha256. 1700000000 300 0 1 BADTHING 0", "the error")]
    [InlineData("hmac-sha256. 1700000000 300 0 1 NOERROR 6", "the other data")]
    [InlineData("hmac-sha256. 1700000000 300 0 1 NOERROR 0 extra", "unexpected")]
    public void Parse_BadField_SaysWhich(string text, string field)
    {
        var error = Assert.Throws<PresentationException>(() => RecordData.Parse(RecordType.TSIG, text));
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void ServerTime_IsOnlyReadFromBadTimeErrors()
    {
        var other = Convert.FromHexString("00006553f1ff");
        Assert.Null(new TsigData(DnsName.Parse("hmac-sha1."), 1, 300, [], 1, DnsRcode.NoError, other).ServerTime);
        Assert.Null(new TsigData(DnsName.Parse("hmac-sha1."), 1, 300, [], 1, DnsRcode.BadTime, other[..5]).ServerTime);
    }

    [Fact]
    public void MessageParse_LiftsTheTsigRecord_AndRemembersWhereItStarts()
    {
        var bytes = Convert.FromHexString(
            "abcd00000001000000000001"   // header: ID 0xabcd, query, QDCOUNT 1, ARCOUNT 1
            + "076578616d706c6500" + "00060001" // question: example. SOA IN
            + RecordHeader + Rdata);
        var message = DnsMessage.Parse(bytes);
        Assert.IsType<TsigData>(message.Tsig!.Data);
        Assert.Equal(12 + 13, message.TsigOffset);
        Assert.Empty(message.Additionals);
    }
}
