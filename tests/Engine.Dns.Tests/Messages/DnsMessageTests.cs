using System.Net;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Messages;

public sealed class DnsMessageTests
{
    private const string QueryWithEdnsHex =
        "1234" + "0100"                 // ID 0x1234, flags: RD
        + "0001" + "0000" + "0000" + "0001" // QD=1 AN=0 NS=0 AR=1
        + "03777777076578616D706C6503636F6D00" // QNAME www.example.com.
        + "0001" + "0001"               // QTYPE A, QCLASS IN
        + "00"                          // OPT owner: root
        + "0029"                        // TYPE OPT
        + "04D0"                        // CLASS = UDP payload size 1232
        + "00008000"                    // TTL: ext-rcode 0, version 0, DO set
        + "0000";                       // RDLENGTH 0

    [Fact]
    public void CreateQuery_WritesTheExpectedBytes()
    {
        var query = DnsMessage.CreateQuery(DnsName.Parse("www.example.com."), RecordType.A, 0x1234,
            new Edns { UdpPayloadSize = 1232, DnssecOk = true }, recursionDesired: true);
        Assert.Equal(QueryWithEdnsHex, Convert.ToHexString(query.ToArray()));
    }

    [Fact]
    public void Parse_QueryWithEdns_ReadsEveryField()
    {
        var message = DnsMessage.Parse(Convert.FromHexString(QueryWithEdnsHex));
        Assert.Equal(0x1234, message.Id);
        Assert.Equal(DnsHeaderFlags.RD, message.Flags);
        Assert.Equal(new DnsQuestion(DnsName.Parse("www.example.com."), RecordType.A), message.Question);
        Assert.NotNull(message.Edns);
        Assert.Equal(1232, message.Edns.UdpPayloadSize);
        Assert.True(message.Edns.DnssecOk);
        Assert.Empty(message.Additionals);
    }

    [Fact]
    public void Response_RoundTripsWithCompression()
    {
        var response = BuildResponse();
        byte[] bytes = response.ToArray();
        var parsed = DnsMessage.Parse(bytes);
        Assert.Equal(bytes, parsed.ToArray());
        Assert.Equal(response.Answers, parsed.Answers);
        Assert.Equal(response.Authorities, parsed.Authorities);
        Assert.Equal(response.Additionals, parsed.Additionals);
        string hex = Convert.ToHexString(bytes);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(hex, "076578616D706C6503636F6D00")); // example.com. written once
    }

    [Fact]
    public void ExtendedRcode_TravelsInTheOptRecord()
    {
        var response = new DnsMessage { Id = 7, Flags = DnsHeaderFlags.QR, Rcode = DnsRcode.BadVers, Edns = new Edns() };
        var parsed = DnsMessage.Parse(response.ToArray());
        Assert.Equal(DnsRcode.BadVers, parsed.Rcode);
    }

    [Fact]
    public void Parse_WhenTwoOptRecords_FailsWithBadSection()
    {
        var bytes = Convert.FromHexString(QueryWithEdnsHex[..^22].Replace("00000001", "00000002", StringComparison.Ordinal)
            + "00002904D0000080000000" + "00002904D0000080000000");
        Assert.Equal(DnsFormatError.BadSection, Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(bytes)).Error);
    }

    [Fact]
    public void Parse_WhenTsigIsNotLast_FailsWithBadSection()
    {
        var message = BuildResponse();
        var tsigLike = new DnsRecord(DnsName.Parse("key."), DnsClass.ANY, 0, new TsigData(DnsName.Parse("hmac-sha256."), 0, 300, [], 0, DnsRcode.NoError, []));
        message.Additionals.Insert(0, tsigLike);
        var error = Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(message.ToArray()));
        Assert.Equal(DnsFormatError.BadSection, error.Error);
    }

    [Fact]
    public void Parse_WhenBytesFollowTheLastRecord_FailsWithTrailingData()
    {
        var bytes = Convert.FromHexString(QueryWithEdnsHex + "00");
        Assert.Equal(DnsFormatError.TrailingData, Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(bytes)).Error);
    }

    [Fact]
    public void Parse_EveryTruncation_FailsWithAFormatError()
    {
        foreach (var bytes in new[] { Convert.FromHexString(QueryWithEdnsHex), BuildResponse().ToArray() })
        {
            for (int length = 0; length < bytes.Length; length++)
            {
                Assert.False(DnsMessage.TryParse(bytes.AsSpan(0, length), out _, out var error), $"prefix of {length} octets parsed");
                Assert.NotNull(error);
            }
        }
    }

    [Fact]
    public void WriteTo_WhenBufferTooSmall_ReturnsMinusOne()
    {
        Assert.Equal(-1, BuildResponse().WriteTo(new byte[40]));
    }

    internal static DnsMessage BuildResponse()
    {
        var origin = DnsName.Parse("example.com.");
        var www = DnsName.Parse("www.example.com.");
        var message = new DnsMessage { Id = 0xBEEF, Flags = DnsHeaderFlags.QR | DnsHeaderFlags.AA, Edns = new Edns() };
        message.Questions.Add(new DnsQuestion(www, RecordType.A));
        message.Answers.Add(new DnsRecord(www, 300, new CnameData(DnsName.Parse("web.example.com."))));
        message.Answers.Add(new DnsRecord(DnsName.Parse("web.example.com."), 300, new AData(IPAddress.Parse("192.0.2.1"))));
        message.Authorities.Add(new DnsRecord(origin, 3600, new NsData(DnsName.Parse("ns1.example.com."))));
        message.Authorities.Add(new DnsRecord(origin, 3600, new MxData(10, DnsName.Parse("mail.example.com."))));
        message.Additionals.Add(new DnsRecord(DnsName.Parse("ns1.example.com."), 3600, new AaaaData(IPAddress.Parse("2001:db8::53"))));
        message.Additionals.Add(new DnsRecord(origin, 60, new TxtData("v=spf1 -all", "second \"quoted\" string")));
        return message;
    }
}
