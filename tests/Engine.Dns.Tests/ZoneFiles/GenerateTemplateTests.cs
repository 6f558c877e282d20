using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.ZoneFiles;

/// <summary>Expected texts are what BIND 9.18's $GENERATE produced for the same template and value.</summary>
public sealed class GenerateTemplateTests
{
    private static string Expand(string template, long value)
    {
        Assert.True(GenerateTemplate.TryParse(template, out var compiled, out string error), error);
        return compiled.Expand(value);
    }

    [Theory]
    [InlineData("$", 7, "7")]
    [InlineData("host-$.a$", 12, "host-12.a12")]
    [InlineData("${5}", 1, "6")]
    [InlineData("${5,3}", 1, "006")]
    [InlineData("${0,4,d}", 2, "0002")]
    [InlineData("${-20,3,d}", 12, "-08")]
    [InlineData("${-20,3,d}", 10, "-10")]
    [InlineData("${+1}", 1, "2")]
    [InlineData("${0,3,o}", 12, "014")]
    [InlineData("${0,4,x}", 1026, "0402")]
    [InlineData("${0,0,x}", 255, "ff")]
    [InlineData("${0,4,X}", 10, "000A")]
    [InlineData("${0,0,n}", 1024, "0.0.4")]
    [InlineData("${0,3,n}", 1026, "2.0.4")]
    [InlineData("${0,5,N}", 1024, "0.0.4")]
    [InlineData("${0,6,N}", 1024, "0.0.4.")]
    [InlineData("${0,7,N}", 1024, "0.0.4.0")]
    [InlineData("${0,8,N}", 1024, "0.0.4.0.")]
    [InlineData("${0,0,N}", 0xABC, "C.B.A")]
    [InlineData("${0,0,n}", 0, "0")]
    [InlineData("${0,3,n}", 0, "0.0")]
    [InlineData("${10} mail$", 1, "11 mail11")]
    [InlineData("${10,3,x}-$-${0}-$", 1, "00b-11-1-1")]
    [InlineData("$$", 3, "$")]
    [InlineData("a\\$b", 3, "a\\$b")]
    [InlineData("a\\\\$", 3, "a\\\\3")]
    [InlineData("no placeholder", 3, "no placeholder")]
    public void Expand_ReplacesEachPlaceholder_AsBindDoes(string template, long value, string expected)
    {
        Assert.Equal(expected, Expand(template, value));
    }

    [Theory]
    [InlineData("a${1,2", "not closed")]
    [InlineData("${1,2,q}", "bad modifier")]
    [InlineData("${a}", "bad modifier")]
    [InlineData("${}", "bad modifier")]
    [InlineData("${1,2,d,4}", "bad modifier")]
    [InlineData("${1,-2}", "bad modifier")]
    [InlineData("${1,256}", "more than 255")]
    public void TryParse_WhenModifierIsMalformed_SaysWhy(string template, string reason)
    {
        Assert.False(GenerateTemplate.TryParse(template, out _, out string error));
        Assert.Contains(reason, error);
    }
}
