using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.ZoneFiles;

public sealed class ZoneFileWriterTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.");

    private const string Sample = """
        $TTL 3600
        @ IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 300 )
          NS ns1
          NS ns2.example.net.
          MX 10 mail
          TXT "v=spf1 -all" "second \"quoted\" string" \059semi "\255\000"
        ns1 A 192.0.2.53
        ns1 AAAA 2001:db8::53
        mail 300 A 192.0.2.25
        WWW.Mixed CNAME @
        *.wild A 192.0.2.80
        a\.b TXT "dotted label"
        \@ TXT "at label"
        \$x TXT "dollar label"
        sp\ ace TXT "space"
        deleg NS ns.deleg
        ns.deleg A 192.0.2.99
        dn DNAME other.example.net.
        ptr PTR host.example.
        spf SPF "v=spf1 -all"
        unknown TYPE65534 \# 4 DEADBEEF
        empty TYPE65533 \# 0
        $ORIGIN Sub.Example.
        x A 192.0.2.1
        outside.example.net. A 192.0.2.2

        """;

    [Fact]
    public void Write_ThenParse_GivesTheSameRecordsInTheSameOrder()
    {
        var records = ZoneFileParser.Parse(Sample, Origin);

        string text = ZoneFileWriter.ToText(records, Origin);
        var again = ZoneFileParser.Parse(text, Origin);

        Assert.Equal(records, again);
        Assert.Equal(records.Select(r => r.Name.ToString()), again.Select(r => r.Name.ToString()));
    }

    [Fact]
    public void Write_ProducesAZoneThatBindAccepts_AndReadsAsWeDo()
    {
        using var folder = new TempDirectory();
        var records = ZoneFileParser.Parse(Sample, Origin);
        string path = Path.Combine(folder.Path, "written.zone");

        ZoneFileWriter.WriteFile(path, records, Origin);

        var (accepted, messages) = BindTools.Check(path, Origin);
        Assert.True(accepted, messages);
        // BIND drops out-of-zone data as it loads; our parser leaves that rule to the zone builder.
        BindTools.AssertSameRecordSet(records.Where(r => r.Name.IsSubdomainOf(Origin)), BindTools.Compile(path, Origin));
    }

    [Fact]
    public void Write_StartsWithTheOrigin_AndWritesEveryFieldOfEveryRecord()
    {
        var records = new[]
        {
            new DnsRecord(Origin, 60, new AData(IPAddress.Parse("192.0.2.1"))),
            new DnsRecord(DnsName.Parse("www.example."), DnsClass.CH, 0, new TxtData("x")),
        };

        string text = ZoneFileWriter.ToText(records, Origin);

        Assert.Equal("$ORIGIN example.\n@\t60\tIN\tA\t192.0.2.1\nwww\t0\tCH\tTXT\t\"x\"\n", text);
    }

    [Theory]
    [InlineData("example.", "@")]
    [InlineData("www.example.", "www")]
    [InlineData("a.b.example.", "a.b")]
    [InlineData("Mixed.example.", "Mixed")]
    [InlineData("www.EXAMPLE.", "www.EXAMPLE.")]
    [InlineData("example.net.", "example.net.")]
    [InlineData(".", ".")]
    [InlineData("a\\.b.example.", "a\\.b")]
    [InlineData("\\@.example.", "\\@")]
    [InlineData("\\$ttl.example.", "\\$ttl")]
    [InlineData("\\;\\(.example.", "\\;\\(")]
    [InlineData("\\000.example.", "\\000")]
    public void FormatOwner_IsRelativeOnlyWhenTheSuffixMatchesTheOriginExactly(string name, string expected)
    {
        Assert.Equal(expected, ZoneFileWriter.FormatOwner(DnsName.Parse(name), Origin));
    }

    [Fact]
    public void FormatOwner_UnderTheRootOrigin_IsRelativeToIt()
    {
        Assert.Equal("com", ZoneFileWriter.FormatOwner(DnsName.Parse("com."), DnsName.Root));
        Assert.Equal("@", ZoneFileWriter.FormatOwner(DnsName.Root, DnsName.Root));
    }

    [Fact]
    public void Write_EveryOwnerForm_ReadsBackCaseForCase()
    {
        var names = new[] { "example.", "Mixed.Case.example.", "x.EXAMPLE.", "a\\.b.example.", "\\@.example.", "\\$x.example.", "other.net." };
        var records = names.Select(n => new DnsRecord(DnsName.Parse(n), 1, new TxtData("t"))).ToList();

        var again = ZoneFileParser.Parse(ZoneFileWriter.ToText(records, Origin), Origin);

        Assert.Equal(names.Select(n => DnsName.Parse(n).ToString()), again.Select(r => r.Name.ToString()));
    }
}
