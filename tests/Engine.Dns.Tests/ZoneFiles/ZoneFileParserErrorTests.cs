using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.ZoneFiles;

/// <summary>Every kind of mistake is reported at the right line and column, with what was expected.</summary>
public sealed class ZoneFileParserErrorTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.");

    private static ZoneFileException Failure(string text, ZoneFileOptions? options = null) =>
        Assert.Throws<ZoneFileException>(() => ZoneFileParser.Parse(text, Origin, options, "bad.zone"));

    [Theory]
    // Owner
    [InlineData("$TTL 60\n A 192.0.2.1\n", 2, 2, "no record comes before it")]
    [InlineData("$TTL 60\na..b A 192.0.2.1\n", 2, 1, "expected an owner name: empty label")]
    [InlineData("$TTL 60\n" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa A 192.0.2.1\n", 2, 1, "expected an owner name")]
    // TTL, class, type
    [InlineData("$TTL 60\na\n", 2, 2, "expected a TTL, class or record type")]
    [InlineData("$TTL 60\na 30\n", 2, 5, "expected a class or record type")]
    [InlineData("$TTL 60\na IN\n", 2, 5, "expected a TTL or record type")]
    [InlineData("$TTL 60\na IN 30\n", 2, 8, "expected a record type")]
    [InlineData("$TTL 60\na 30x A 192.0.2.1\n", 2, 3, "expected a TTL, class or record type, found '30x'")]
    [InlineData("$TTL 60\na IN 30 FOO 192.0.2.1\n", 2, 9, "expected a record type, found 'FOO'")]
    [InlineData("$TTL 60\na \"A\" 192.0.2.1\n", 2, 3, "found 'A'")]
    [InlineData("$TTL 60\na CH A 192.0.2.1\n", 2, 3, "class CH does not match the zone's class IN")]
    [InlineData("$TTL 60\na 30 CLASS3 A 192.0.2.1\n", 2, 6, "class CH does not match")]
    [InlineData("$TTL 60\na ANY \\# 0\n", 2, 7, "expected a TTL or record type, found '\\#'")]
    [InlineData("$TTL 60\na AXFR \\# 0\n", 2, 3, "meta type")]
    [InlineData("$TTL 60\na OPT \\# 0\n", 2, 3, "meta type")]
    // RDATA, reported by the type's parser, at the field
    [InlineData("$TTL 60\na A\n", 2, 4, "expected an IPv4 address")]
    [InlineData("$TTL 60\na A 192.0.2\n", 2, 5, "expected an IPv4 address, found '192.0.2'")]
    [InlineData("$TTL 60\na A 192.0.2.1 extra\n", 2, 15, "unexpected 'extra'")]
    [InlineData("$TTL 60\na MX ( 10\n ) \n", 2, 8, "expected the mail exchange name")]
    [InlineData("$TTL 60\na MX (\n 70000 b )\n", 3, 2, "the preference")]
    [InlineData("$TTL 60\n@ SOA ns h 1 2 3 4\n", 2, 18, "the minimum")]
    [InlineData("$TTL 60\na TXT \"\\999\"\n", 2, 8, "three digits")]
    [InlineData("$TTL 60\na TYPE65534 \\# 2 AB\n", 2, 18, "the generic RDATA has 1 octets but its length says 2")]
    [InlineData("$TTL 60\na TYPE65534 \\# 2 ABZZ\n", 2, 18, "hexadecimal")]
    [InlineData("$TTL 60\na TYPE65280 foo\n", 2, 13, "\\# <length> <hex>")]
    // Directives
    [InlineData("$FOO bar\n", 1, 1, "unknown directive '$FOO'")]
    [InlineData("$ORIGIN\n", 1, 8, "expected a domain name after $ORIGIN")]
    [InlineData("$ORIGIN a..b\n", 1, 9, "expected the $ORIGIN name: empty label")]
    [InlineData("$ORIGIN a. b.\n", 1, 12, "unexpected 'b.'")]
    [InlineData("$TTL\n", 1, 5, "expected a TTL after $TTL")]
    [InlineData("$TTL 1y\n", 1, 6, "expected a TTL after $TTL (seconds, or a duration such as 1h30m), found '1y'")]
    [InlineData("$TTL 5 6\n", 1, 8, "unexpected '6'")]
    [InlineData("$INCLUDE\n", 1, 1, "not read from a file")]
    [InlineData("$TTL 60\na A 192.0.2.1\n\t$TTL 60\n", 3, 2, "expected a TTL, class or record type, found '$TTL'")]
    public void Parse_WhenTextIsWrong_FailsAtTheLineAndColumnOfTheMistake(string text, int line, int column, string reason)
    {
        var error = Failure(text);

        Assert.Equal("bad.zone", error.FileName);
        Assert.Contains(reason, error.Reason);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal($"bad.zone:{line}:{column}: {error.Reason}", error.Message);
    }

    [Fact]
    public void Parse_WhenRdataIsWrong_KeepsTheTypeParsersErrorAsInnerException()
    {
        var error = Failure("$TTL 60\na A 300.1.1.1\n");

        Assert.IsType<PresentationException>(error.InnerException);
    }

    [Fact]
    public void Parse_WhenIncludeIsNotAllowed_Fails()
    {
        var error = Failure("$INCLUDE other.zone\n", new ZoneFileOptions { AllowInclude = false, IncludeDirectory = "/tmp" });

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("not allowed", error.Reason);
    }
}
