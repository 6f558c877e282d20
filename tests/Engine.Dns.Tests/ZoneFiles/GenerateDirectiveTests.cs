using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.ZoneFiles;

public sealed class GenerateDirectiveTests
{
    private static readonly DnsName Example = DnsName.Parse("example.");

    private static IReadOnlyList<DnsRecord> Parse(string text, DnsName? origin = null, ZoneFileOptions? options = null) =>
        ZoneFileParser.Parse("$TTL 300\n" + text, origin ?? Example, options, "gen.zone");

    private static ZoneFileException Failure(string text, ZoneFileOptions? options = null) =>
        Assert.Throws<ZoneFileException>(() => Parse(text, options: options));

    [Fact]
    public void Generate_Rfc2317Example_FromTheBindManual()
    {
        var origin = DnsName.Parse("0.0.192.IN-ADDR.ARPA.");

        var records = Parse("$ORIGIN 0.0.192.IN-ADDR.ARPA.\n$GENERATE 1-2 @ NS SERVER$.EXAMPLE.\n$GENERATE 1-127 $ CNAME $.0\n", origin);

        var expected = new List<DnsRecord>
        {
            new(origin, 300, new NsData(DnsName.Parse("SERVER1.EXAMPLE."))),
            new(origin, 300, new NsData(DnsName.Parse("SERVER2.EXAMPLE."))),
        };
        for (int i = 1; i <= 127; i++)
            expected.Add(new(DnsName.Parse($"{i}.0.0.192.IN-ADDR.ARPA."), 300, new CnameData(DnsName.Parse($"{i}.0.0.0.192.IN-ADDR.ARPA."))));
        Assert.Equal(expected, records);
    }

    [Fact]
    public void Generate_QuotedRdataIsSplitIntoFields_FromTheBindManual()
    {
        var records = Parse("$ORIGIN EXAMPLE.\n$GENERATE 1-127 HOST-$ A 1.2.3.$\n$GENERATE 1-127 HOST-$ MX \"0 .\"\n");

        Assert.Equal(254, records.Count);
        Assert.Equal(new DnsRecord(DnsName.Parse("HOST-3.EXAMPLE."), 300, new AData(IPAddress.Parse("1.2.3.3"))), records[2]);
        Assert.Equal(new DnsRecord(DnsName.Parse("HOST-127.EXAMPLE."), 300, new MxData(0, DnsName.Root)), records[^1]);
    }

    [Fact]
    public void Generate_Modifiers_FromTheBindManual()
    {
        var records = Parse("$ORIGIN EXAMPLE.\n$GENERATE 0-2 HOST-${0,4,d} A 1.2.3.${1,0,d}\n$GENERATE 1024-1026 ${0,3,n} AAAA 2001:db8::${0,4,x}\n");

        Assert.Equal(
            [
                ("HOST-0000.EXAMPLE.", "1.2.3.1"),
                ("HOST-0001.EXAMPLE.", "1.2.3.2"),
                ("HOST-0002.EXAMPLE.", "1.2.3.3"),
                ("0.0.4.EXAMPLE.", "2001:db8::400"),
                ("1.0.4.EXAMPLE.", "2001:db8::401"),
                ("2.0.4.EXAMPLE.", "2001:db8::402"),
            ],
            records.Select(r => (r.Name.ToString(), r.Data.ToString())));
    }

    [Fact]
    public void Generate_TtlAndClassInEitherOrder_AndStepsInTheRange()
    {
        var records = Parse("$GENERATE 1-5/2 f$ 30 IN TXT $\n$GENERATE 1-2 g$ IN 31 TXT ${5}\n$GENERATE 1-1 h$ CLASS1 TXT x\n");

        Assert.Equal(
            [("f1.example.", 30u), ("f3.example.", 30u), ("f5.example.", 30u), ("g1.example.", 31u), ("g2.example.", 31u), ("h1.example.", 300u)],
            records.Select(r => (r.Name.ToString(), r.Ttl)));
        Assert.Equal("\"7\"", records[4].Data.ToString());
    }

    [Fact]
    public void Generate_DoesNotChangeThePreviousOwner_AsInBind()
    {
        var records = Parse("x A 192.0.2.1\n$GENERATE 1-2 g$ A 192.0.2.$\n  TXT after\n");

        Assert.Equal(DnsName.Parse("x.example."), records[^1].Name);
    }

    [Fact]
    public void Generate_EscapedDollar_IsALiteralDollar()
    {
        var record = Assert.Single(Parse("$GENERATE 1-1 a\\$$ TXT \"\\$ $$ $\"\n"));

        Assert.Equal("a$1"u8.ToArray(), record.Name.GetLabel(0).ToArray());
        Assert.Equal("\"$\" \"$\" \"1\"", record.Data.ToString());
    }

    [Fact]
    public void Generate_ManyForms_ReadTheSameAsBind()
    {
        using var folder = new TempDirectory();
        string zone = folder.Write("gen.zone", """
            $TTL 100
            @ IN SOA ns h 1 2 3 4 5
              NS ns
            ns A 192.0.2.53
            $GENERATE 1024-1026 ${0,3,n} AAAA 2001:db8::${0,4,x}
            $GENERATE 1024-1026 a${0,0,n} TXT ${0,5,N}
            $GENERATE 1024-1026 d${0,4,n} TXT ${0,8,N}
            $GENERATE 10-12/2 e${-20,3,d} TXT "x ${0,3,o} \$ $$ ${0,4,X}"
            $GENERATE 1-2 f$ 30 IN TXT $
            $GENERATE 1-2 g$ IN 31 TXT ${5}
            $GENERATE 0-255/17 rev.${0,3,d} PTR host-${0,2,x}.example.
            $GENERATE 1-3 mx$ MX "${10} mail$"
            $GENERATE 250-255 $.in-addr CNAME $.0/26

            """);

        var ours = ZoneFileParser.LoadFile(zone, Example);

        BindTools.AssertSameRecordSet(BindTools.Compile(zone, Example), ours);
        Assert.Equal(3 + 3 * 3 + 2 + 2 + 2 + 16 + 3 + 6, ours.Count);
    }

    [Theory]
    [InlineData("$GENERATE\n", 10, "expected a range such as 1-100")]
    [InlineData("$GENERATE 5 a A 192.0.2.$\n", 11, "expected a $GENERATE range")]
    [InlineData("$GENERATE -1-5 a A 192.0.2.$\n", 11, "expected a $GENERATE range")]
    [InlineData("$GENERATE 0-2147483648 a A 192.0.2.$\n", 11, "expected a $GENERATE range")]
    [InlineData("$GENERATE 1-2/x a A 192.0.2.$\n", 11, "expected a $GENERATE range")]
    [InlineData("$GENERATE 5-1 a A 192.0.2.$\n", 11, "starts after it stops")]
    [InlineData("$GENERATE 1-5/0 a A 192.0.2.$\n", 11, "a step of 0")]
    [InlineData("$GENERATE 0-65536 a$ A 192.0.2.1\n", 11, "would make 65537 records, more than the limit of 65536")]
    [InlineData("$GENERATE 1-2\n", 14, "expected the owner template")]
    [InlineData("$GENERATE 1-2 a${1,2,q} A 192.0.2.$\n", 15, "bad modifier")]
    [InlineData("$GENERATE 1-2 a$\n", 17, "expected a TTL, class or record type")]
    [InlineData("$GENERATE 1-2 a$ 30 CH TXT x\n", 21, "class CH does not match")]
    [InlineData("$GENERATE 1-2 a$ A\n", 19, "expected the RDATA template")]
    [InlineData("$GENERATE 1-2 a$ A 192.0.2.$ extra\n", 30, "unexpected 'extra'")]
    [InlineData("$GENERATE 1-2 a$ A 192.0.2.${\n", 20, "not closed")]
    [InlineData("$GENERATE 250-300 a$ A 192.0.2.$\n", 24, "$GENERATE made the RDATA '192.0.2.256' for 256: expected an IPv4 address")]
    [InlineData("$GENERATE 1-2 a$ TXT \"(\"\n", 22, "$GENERATE made the RDATA '(' for 1: unbalanced parentheses")]
    [InlineData("$GENERATE 1-2 a..$ A 192.0.2.1\n", 15, "$GENERATE made the owner 'a..1' for 1, which is not a valid name")]
    public void Generate_WhenMalformed_FailsAtTheOffendingField(string line, int column, string reason)
    {
        var error = Failure(line);

        Assert.Equal((2, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Generate_LimitComesFromTheOptions()
    {
        var options = new ZoneFileOptions { MaxGenerateRecords = 10 };

        Assert.Equal(10, Parse("$GENERATE 1-10 a$ A 192.0.2.$\n", options: options).Count);
        Assert.Contains("more than the limit of 10", Failure("$GENERATE 1-11 a$ A 192.0.2.$\n", options).Reason);
    }

    [Fact]
    public void Generate_WhenDisallowed_Fails()
    {
        var error = Failure("$GENERATE 1-2 a$ A 192.0.2.$\n", new ZoneFileOptions { AllowGenerate = false });

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("not allowed", error.Reason);
    }

    [Fact]
    public void Generate_WithoutAnyTtl_Fails()
    {
        var error = Assert.Throws<ZoneFileException>(() => ZoneFileParser.Parse("$GENERATE 1-2 a$ A 192.0.2.$\n", Example));

        Assert.Equal((1, 18), (error.Line, error.Column));
        Assert.Contains("no TTL", error.Reason);
    }
}
