using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.ZoneFiles;

public sealed class ZoneFileParserTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.");

    private const string Soa = "@ 3600 IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 300 )\n";

    private static IReadOnlyList<DnsRecord> Parse(string text, List<ZoneFileWarning>? warnings = null, ZoneFileOptions? options = null)
    {
        options ??= ZoneFileOptions.Default;
        if (warnings is not null)
            options = options with { Warning = warnings.Add };
        return ZoneFileParser.Parse(text, Origin, options, "test.zone");
    }

    private static DnsRecord A(string owner, uint ttl, string address) =>
        new(DnsName.Parse(owner), ttl, new AData(IPAddress.Parse(address)));

    [Fact]
    public void Parse_ReadsRecordsInFileOrder_CompletingRelativeNamesWithTheOrigin()
    {
        var records = Parse(Soa + "www 300 IN A 192.0.2.1\nmail.example. 300 IN A 192.0.2.2\n@ 300 IN MX 10 mail\n");

        Assert.Equal(
            [
                new DnsRecord(Origin, 3600, new SoaData(DnsName.Parse("ns1.example."), DnsName.Parse("hostmaster.example."), 2024010101, 7200, 3600, 1209600, 300)),
                A("www.example.", 300, "192.0.2.1"),
                A("mail.example.", 300, "192.0.2.2"),
                new DnsRecord(Origin, 300, new MxData(10, DnsName.Parse("mail.example."))),
            ],
            records);
    }

    [Fact]
    public void Parse_OriginDirective_AppliesToLaterNames_AndMayItselfBeRelative()
    {
        var records = Parse("$TTL 60\na A 192.0.2.1\n$ORIGIN sub.example.\nb A 192.0.2.2\n@ NS ns\n$ORIGIN deeper\nc A 192.0.2.3\n");

        Assert.Equal(["a.example.", "b.sub.example.", "sub.example.", "c.deeper.sub.example."], records.Select(r => r.Name.ToString()));
        Assert.Equal(DnsName.Parse("ns.sub.example."), ((NsData)records[2].Data).Target);
    }

    [Fact]
    public void Parse_LineStartingWithBlank_TakesThePreviousOwner_EvenAfterOriginChanges()
    {
        var records = Parse("$TTL 60\nhost A 192.0.2.1\n  A 192.0.2.2\n$ORIGIN other.example.\n\tTXT \"still host\"\n");

        Assert.All(records, r => Assert.Equal(DnsName.Parse("host.example."), r.Name));
        Assert.Equal(3, records.Count);
    }

    [Fact]
    public void Parse_OwnerNamesKeepTheirCase_AndEscapes()
    {
        var records = Parse("$TTL 60\nMixed.Case A 192.0.2.1\na\\.b A 192.0.2.2\n\\065bc A 192.0.2.3\n");

        Assert.True(records[0].Name.EqualsCaseSensitive(DnsName.Parse("Mixed.Case.example.")));
        Assert.Equal(2, records[1].Name.LabelCount);
        Assert.Equal("a.b"u8.ToArray(), records[1].Name.GetLabel(0).ToArray());
        Assert.Equal("Abc"u8.ToArray(), records[2].Name.GetLabel(0).ToArray());
    }

    [Fact]
    public void Parse_TtlDirective_AppliesToRecordsWithoutTtl_AndAnExplicitTtlDoesNotChangeIt()
    {
        var records = Parse("$TTL 1h\na A 192.0.2.1\nb 20 A 192.0.2.2\nc A 192.0.2.3\n$TTL 2w1d\nd A 192.0.2.4\n");

        Assert.Equal([3600u, 20u, 3600u, 15u * 86400], records.Select(r => r.Ttl));
    }

    [Fact]
    public void Parse_WithoutTtlDirective_UsesTheLastStatedTtl_AndWarnsOnce()
    {
        var warnings = new List<ZoneFileWarning>();

        var records = Parse("a 100 A 192.0.2.1\nb A 192.0.2.2\nc 200 A 192.0.2.3\nd A 192.0.2.4\n", warnings);

        Assert.Equal([100u, 100u, 200u, 200u], records.Select(r => r.Ttl));
        var warning = Assert.Single(warnings);
        Assert.Equal(("test.zone", 2), (warning.FileName, warning.Line));
    }

    [Fact]
    public void Parse_WhenSoaComesFirstWithoutAnyTtl_UsesItsMinimum_ForItAndLaterRecords()
    {
        var warnings = new List<ZoneFileWarning>();

        var records = Parse("@ IN SOA ns h 1 2 3 4 5\n  IN NS ns\na A 192.0.2.1\n", warnings);

        Assert.Equal([5u, 5u, 5u], records.Select(r => r.Ttl));
        var warning = Assert.Single(warnings);
        Assert.Equal(1, warning.Line);
        Assert.Contains("MINIMUM", warning.Message);
    }

    [Fact]
    public void Parse_WhenFirstRecordHasNoTtlAndIsNotSoa_FailsWhereTheTtlBelongs()
    {
        var error = Assert.Throws<ZoneFileException>(() => Parse("; no $TTL\n@ IN NS ns.example.\n@ 100 IN SOA ns h 1 2 3 4 5\n"));

        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Contains("no TTL", error.Reason);
    }

    [Fact]
    public void Parse_TtlAboveTwoToThe31_IsTakenAsZero_WithAWarning()
    {
        var warnings = new List<ZoneFileWarning>();

        var records = Parse("a 3000000000 A 192.0.2.1\n$TTL 2147483648\nb A 192.0.2.2\nc 2147483647 A 192.0.2.3\n", warnings);

        Assert.Equal([0u, 0u, 2147483647u], records.Select(r => r.Ttl));
        Assert.Equal([1, 2], warnings.Select(w => w.Line));
    }

    [Theory]
    [InlineData("a 30 IN A 192.0.2.1")]
    [InlineData("a IN 30 A 192.0.2.1")]
    [InlineData("a in 30 a 192.0.2.1")]
    [InlineData("a CLASS1 30 TYPE1 192.0.2.1")]
    [InlineData("a 30s A 192.0.2.1")]
    public void Parse_TtlAndClassComeInEitherOrder_AndAnySpelling(string line)
    {
        var record = Assert.Single(Parse(line + "\n"));

        Assert.Equal(A("a.example.", 30, "192.0.2.1"), record);
        Assert.Equal(DnsClass.IN, record.Class);
    }

    [Fact]
    public void Parse_OmittedClass_IsTheZonesClass()
    {
        var records = Parse("version 0 TXT \"1\"\n", options: new ZoneFileOptions { Class = DnsClass.CH });

        Assert.Equal(DnsClass.CH, Assert.Single(records).Class);
    }

    [Fact]
    public void Parse_GenericTypeAndRdata_ForUnknownAndKnownTypes()
    {
        var records = Parse("$TTL 60\na TYPE65534 \\# 3 ABCDEF\nb TYPE1 \\# 4 C0000201\nc TYPE200 \\# 0\n");

        Assert.Equal(new UnknownData((RecordType)65534, [0xAB, 0xCD, 0xEF]), records[0].Data);
        Assert.Equal(new AData(IPAddress.Parse("192.0.2.1")), records[1].Data);
        Assert.Equal(new UnknownData((RecordType)200, []), records[2].Data);
    }

    [Fact]
    public void Parse_TxtWithSeveralStringsAndEscapes()
    {
        var record = Assert.Single(Parse("t 60 TXT \"a b\" plain \"q\\\"uote\" \\059semi \"\\255\"\n"));

        var strings = ((TxtData)record.Data).Strings;
        Assert.Equal(["a b", "plain", "q\"uote", ";semi"], strings.Take(4).Select(s => System.Text.Encoding.ASCII.GetString(s)));
        Assert.Equal([(byte)255], strings[4]);
    }

    [Fact]
    public void Parse_RecordSpreadOverLinesWithParenthesesAndComments()
    {
        var record = Assert.Single(Parse("@ 60 IN SOA ns.example. h.example. (\n  42 ; serial\n  3h ; refresh\n  1h\n  1w\n  5m )\n"));

        var soa = (SoaData)record.Data;
        Assert.Equal((42u, 10800u, 3600u, 604800u, 300u), (soa.Serial, soa.Refresh, soa.Retry, soa.Expire, soa.Minimum));
    }

    [Fact]
    public void ReadFile_StreamsRecords_SoThoseBeforeAnErrorAreSeenFirst()
    {
        using var folder = new TempDirectory();
        string path = folder.Write("zone", "$TTL 60\na A 192.0.2.1\nb A 192.0.2.2\nc A not-an-address\n");
        var seen = new List<DnsRecord>();

        var error = Assert.Throws<ZoneFileException>(() =>
        {
            foreach (var record in ZoneFileParser.ReadFile(path, Origin))
                seen.Add(record);
        });

        Assert.Equal(2, seen.Count);
        Assert.Equal((path, 4, 5), (error.FileName, error.Line, error.Column));
    }

    [Fact]
    public void ReadFile_DoesNotOpenTheFileUntilEnumerated()
    {
        var records = ZoneFileParser.ReadFile("/nonexistent/zone", Origin);

        Assert.ThrowsAny<IOException>(() => records.First());
    }

    [Fact]
    public void LoadFile_ReadsTheSameAsParse()
    {
        using var folder = new TempDirectory();
        const string Text = "$TTL 60\n@ SOA ns h 1 2 3 4 5\n NS ns\nns A 192.0.2.53\n";
        string path = folder.Write("zone", Text);

        Assert.Equal(Parse(Text), ZoneFileParser.LoadFile(path, Origin));
    }
}
