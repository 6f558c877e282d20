using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

/// <summary>Codec tests on the test vectors of RFC 9460 Appendix D.</summary>
public sealed class SvcbDataTests
{
    private const string FooExampleOrg = "03 666F6F 07 6578616D706C65 03 6F7267 00";

    // D.2: 16 foo.example.org. (alpn=h2,h3-19 mandatory=ipv4hint,alpn ipv4hint=192.0.2.1)
    private static readonly byte[] Wire = Hex($"""
        0010                          // priority 16
        {FooExampleOrg}               // target foo.example.org.
        0000 0004 0001 0004           // mandatory, length 4: alpn, ipv4hint
        0001 0009 02 6832 05 68332D3139   // alpn, length 9: "h2", "h3-19"
        0004 0004 C0000201            // ipv4hint, length 4: 192.0.2.1
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var svcb = DecodesAndReencodes<SvcbData>(RecordType.SVCB, Wire);
        Assert.Equal(16, svcb.Priority);
        Assert.False(svcb.IsAliasMode);
        Assert.Equal(DnsName.Parse("foo.example.org."), svcb.Target);
        Assert.Equal([SvcParamKey.Mandatory, SvcParamKey.Alpn, SvcParamKey.Ipv4Hint], svcb.Parameters.Select(p => p.Key));
        Assert.Equal(Hex("0001 0004"), svcb.Find(SvcParamKey.Mandatory)!.Value.ToArray());
    }

    [Fact]
    public void Read_WhenTruncated_Fails()
    {
        // The parameters may end after the target or after any whole parameter.
        int target = 2 + 17;
        EveryTruncationFails(RecordType.SVCB, Wire, target, target + 8, target + 8 + 13);
    }

    [Theory]
    [InlineData("0001 00 0003 0002 0035 0001 0003 02 6832")]     // port before alpn
    [InlineData("0001 00 0003 0002 0035 0003 0002 0036")]        // port twice
    [InlineData("0001 00 0003 0001 35")]                         // port of one octet
    [InlineData("0001 00 0000 0004 0003 0001")]                  // mandatory keys out of order
    [InlineData("0001 00 0000 0002 0000")]                       // mandatory lists itself
    [InlineData("0001 00 0001 0003 02 6832 00")]                 // alpn with an empty id
    [InlineData("0001 00 0001 0002 05 68")]                      // alpn id running past the value
    [InlineData("0001 00 0002 0001 00")]                         // no-default-alpn with a value
    [InlineData("0001 00 0004 0003 C00002")]                     // ipv4hint of 3 octets
    [InlineData("0001 00 0006 0004 20010DB8")]                   // ipv6hint of 4 octets
    [InlineData("0001 00 0005 0000")]                            // empty ech
    [InlineData("0001 00 0007 0004 2F646E73")]                   // dohpath "/dns" without the dns variable
    public void Read_WhenParametersAreMalformed_Fails(string hex) =>
        Assert.Throws<DnsFormatException>(() => Decode(RecordType.SVCB, Convert.FromHexString(hex.Replace(" ", ""))));

    public static TheoryData<string, string> Vectors => new()
    {
        // RFC 9460 Appendix D.1 and D.2: presentation form and the wire form it must give.
        { "0 foo.example.com.", "0000 03666F6F076578616D706C6503636F6D00" },
        { "1 .", "0001 00" },
        { "16 foo.example.com. port=53", "0010 03666F6F076578616D706C6503636F6D00 0003 0002 0035" },
        { "1 foo.example.com. key667=hello", "0001 03666F6F076578616D706C6503636F6D00 029B 0005 68656C6C6F" },
        { "1 foo.example.com. key667=\"hello\\210qoo\"", "0001 03666F6F076578616D706C6503636F6D00 029B 0009 68656C6C6FD2716F6F" },
        { "1 foo.example.com. ipv6hint=\"2001:db8::1,2001:db8::53:1\"", "0001 03666F6F076578616D706C6503636F6D00 0006 0020 20010DB8000000000000000000000001 20010DB8000000000000000000530001" },
        { "1 example.com. ipv6hint=\"2001:db8:122:344::192.0.2.33\"", "0001 076578616D706C6503636F6D00 0006 0010 20010DB801220344 00000000C0000221" },
        { "16 foo.example.org. alpn=h2,h3-19 mandatory=ipv4hint,alpn ipv4hint=192.0.2.1", "0010 " + FooExampleOrg + " 0000 0004 0001 0004 0001 0009 026832 0568332D3139 0004 0004 C0000201" },
        { "16 foo.example.org. alpn=\"f\\\\\\\\oo\\\\,bar,h2\"", "0010 " + FooExampleOrg + " 0001 000C 08665C6F6F2C626172 026832" },
        { "16 foo.example.org. alpn=f\\\\\\092oo\\092,bar,h2", "0010 " + FooExampleOrg + " 0001 000C 08665C6F6F2C626172 026832" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Parse_GivesTheRfcWireForm(string text, string hex)
    {
        var data = RecordData.Parse(RecordType.SVCB, text);
        Assert.Equal(Convert.ToHexString(Hex(hex)), Convert.ToHexString(data.ToWire()));
        PresentationRoundTrips(data);
        PresentationRoundTrips(RecordData.Parse(RecordType.HTTPS, text));
    }

    [Fact]
    public void Presentation_PrintsKnownKeysByName()
    {
        var svcb = Decode(RecordType.SVCB, Wire);
        Assert.Equal("16 foo.example.org. mandatory=alpn,ipv4hint alpn=\"h2,h3-19\" ipv4hint=192.0.2.1", svcb.ToString());
    }

    [Fact]
    public void Presentation_PrintsEveryKeyInAFormThatReadsBack()
    {
        var data = RecordData.Parse(RecordType.HTTPS,
            "1 svc.Example. mandatory=port,key65333 alpn=h2,h3 no-default-alpn port=8443 ipv4hint=192.0.2.1,192.0.2.2 " +
            "ech=AEX+DQBBVwAgACAvRHAD ipv6hint=2001:db8::1,::ffff:198.51.100.100 dohpath=/dns-query{?dns} key65333=\"a \\\"b\\\" c\" key65535");
        Assert.Equal(
            "1 svc.Example. mandatory=port,key65333 alpn=\"h2,h3\" no-default-alpn port=8443 ipv4hint=192.0.2.1,192.0.2.2 " +
            "ech=AEX+DQBBVwAgACAvRHAD ipv6hint=2001:db8::1,::ffff:198.51.100.100 dohpath=\"/dns-query{?dns}\" key65333=\"a \\\"b\\\" c\" key65535",
            data.ToString());
        PresentationRoundTrips(data);
    }

    [Fact]
    public void Parse_AcceptsAQuotedValueGivenAsItsOwnField()
    {
        // A zone-file lexer may end the field at the quote: "alpn=" then "h2,h3" (quoted).
        var tokens = new PresentationTokens(
            [new("1", false, 1, 1), new(".", false, 1, 3), new("alpn=", false, 1, 5), new("h2,h3", true, 1, 10)],
            DnsName.Root);
        Assert.Equal(RecordData.Parse(RecordType.SVCB, "1 . alpn=h2,h3"), RecordData.Parse(RecordType.SVCB, tokens));
    }

    [Fact]
    public void Parse_KeepsBlanksInsideAQuotedValue()
    {
        var svcb = Assert.IsType<SvcbData>(RecordData.Parse(RecordType.SVCB, "1 . key667=\"hello  world\""));
        Assert.Equal("hello  world", Encoding.ASCII.GetString(svcb.Find((SvcParamKey)667)!.Value.Span));
    }

    [Fact]
    public void Parse_PutsParametersInKeyOrder()
    {
        var svcb = Assert.IsType<SvcbData>(RecordData.Parse(RecordType.HTTPS, "1 . port=443 alpn=h2 key9=x"));
        Assert.Equal([SvcParamKey.Alpn, SvcParamKey.Port, (SvcParamKey)9], svcb.Parameters.Select(p => p.Key));
    }

    [Fact]
    public void Parse_ReadsKnownKeysInGenericForm() =>
        // BIND 9.18 prints dohpath as key7; the generic form carries the wire value.
        Assert.Equal(RecordData.Parse(RecordType.HTTPS, "1 . alpn=h2 key7=\"/q{?dns}\" key3=\"\\000\\053\""),
            RecordData.Parse(RecordType.HTTPS, "1 . alpn=h2 dohpath=/q{?dns} port=53"));

    [Fact]
    public void CanonicalForm_KeepsTheCaseOfTheTarget()
    {
        var svcb = RecordData.Parse(RecordType.SVCB, "1 Foo.Example.");
        Assert.Equal(svcb.ToWire(), svcb.ToCanonicalWire());
    }

    [Theory]
    // RFC 9460 Appendix D.3, the failure cases.
    [InlineData("1 foo.example.com. key123=abc key123=def")]
    [InlineData("1 foo.example.com. mandatory")]
    [InlineData("1 foo.example.com. alpn")]
    [InlineData("1 foo.example.com. port")]
    [InlineData("1 foo.example.com. ipv4hint")]
    [InlineData("1 foo.example.com. ipv6hint")]
    [InlineData("1 foo.example.com. no-default-alpn=abc")]
    [InlineData("1 foo.example.com. mandatory=key123")]
    [InlineData("1 foo.example.com. mandatory=mandatory")]
    [InlineData("1 foo.example.com. mandatory=key123,key123 key123=abc")]
    // Our own.
    [InlineData("1 foo.example.com. port=53 port=54")]
    [InlineData("1 foo.example.com. no-default-alpn")]
    [InlineData("1 foo.example.com. port=65536")]
    [InlineData("1 foo.example.com. port=+53")]
    [InlineData("1 foo.example.com. ipv4hint=192.0.2.1,2001:db8::1")]
    [InlineData("1 foo.example.com. ipv6hint=192.0.2.1")]
    [InlineData("1 foo.example.com. ipv6hint=fe80::1%eth0")]
    [InlineData("1 foo.example.com. alpn=h2,,h3")]
    [InlineData("1 foo.example.com. alpn=h2\\\\x")]
    [InlineData("1 foo.example.com. ech=not*base64")]
    [InlineData("1 foo.example.com. dohpath=/dns-query")]
    [InlineData("1 foo.example.com. key3=\"\\053\"")]
    [InlineData("1 foo.example.com. ALPN=h2")]
    [InlineData("1 foo.example.com. key07=x")]
    [InlineData("1 foo.example.com. key65536=x")]
    [InlineData("1 foo.example.com. unknownkey=x")]
    [InlineData("1 foo.example.com. key667=\"unterminated")]
    [InlineData("1 foo.example.com. \"alpn=h2\"")]
    [InlineData("1")]
    [InlineData("65536 .")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.SVCB, text);
}
