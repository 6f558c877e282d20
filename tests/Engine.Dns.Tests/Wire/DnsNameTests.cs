using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Wire;

public sealed class DnsNameTests
{
    [Theory]
    [InlineData("www.example.com.", "www.example.com.")]
    [InlineData("www.example.com", "www.example.com.")]
    [InlineData(".", ".")]
    [InlineData(@"a\.b.example.", @"a\.b.example.")]
    [InlineData(@"\065bc.example.", "Abc.example.")]
    [InlineData(@"sp\032ace.example.", @"sp\032ace.example.")]
    [InlineData(@"semi\;colon.example.", @"semi\;colon.example.")]
    public void Parse_ThenToString_GivesCanonicalPresentation(string text, string expected) =>
        Assert.Equal(expected, DnsName.Parse(text).ToString());

    [Fact]
    public void Parse_RelativeName_AppendsOrigin()
    {
        var origin = DnsName.Parse("example.com.");
        Assert.Equal("www.example.com.", DnsName.Parse("www", origin).ToString());
        Assert.Equal("example.com.", DnsName.Parse("@", origin).ToString());
    }

    [Theory]
    [InlineData("a..b.")]
    [InlineData("..")]
    [InlineData(@"bad\escape\2.")]
    [InlineData(@"bad\256.")]
    [InlineData("")]
    public void TryParse_WhenMalformed_Fails(string text) =>
        Assert.False(DnsName.TryParse(text, null, out _, out _));

    [Fact]
    public void TryParse_WhenLabelIs64Octets_Fails()
    {
        Assert.True(DnsName.TryParse(new string('a', 63) + ".", null, out _, out _));
        Assert.False(DnsName.TryParse(new string('a', 64) + ".", null, out _, out var error));
        Assert.Contains("63", error);
    }

    [Fact]
    public void TryParse_WhenNameExceeds255Octets_Fails()
    {
        string label = new('a', 63);
        string fits = $"{label}.{label}.{label}.{new string('a', 61)}."; // 64*3 + 62 + 1 = 255 octets
        Assert.Equal(255, DnsName.Parse(fits).WireLength);
        Assert.False(DnsName.TryParse("b" + fits, null, out _, out _));
        Assert.False(DnsName.TryParse($"{label}.{label}", DnsName.Parse($"{label}.{label}."), out _, out _));
    }

    [Fact]
    public void Equality_IgnoresCase_ButKeepsOriginalCase()
    {
        var mixed = DnsName.Parse("WwW.ExAmPle.COM.");
        var lower = DnsName.Parse("www.example.com.");
        Assert.Equal(lower, mixed);
        Assert.Equal(lower.GetHashCode(), mixed.GetHashCode());
        Assert.Equal("WwW.ExAmPle.COM.", mixed.ToString());
        Assert.False(mixed.EqualsCaseSensitive(lower));
    }

    [Fact]
    public void CompareTo_FollowsRfc4034CanonicalOrder()
    {
        // The example list of RFC 4034 §6.1, already in canonical order.
        string[] ordered = ["example.", "a.example.", "yljkjljk.a.example.", "Z.a.example.", "zABC.a.EXAMPLE.",
            "z.example.", @"\001.z.example.", "*.z.example.", @"\200.z.example."];
        var shuffled = ordered.Select(n => DnsName.Parse(n)).Reverse().ToList();
        shuffled.Sort();
        Assert.Equal(ordered, shuffled.Select(n => n.ToString()));
    }

    [Fact]
    public void IsSubdomainOf_IsTrueForSelfAndDescendantsOnly()
    {
        var zone = DnsName.Parse("example.com.");
        Assert.True(DnsName.Parse("a.b.EXAMPLE.com.").IsSubdomainOf(zone));
        Assert.True(zone.IsSubdomainOf(zone));
        Assert.False(DnsName.Parse("badexample.com.").IsSubdomainOf(zone));
        Assert.False(DnsName.Parse("com.").IsSubdomainOf(zone));
        Assert.True(zone.IsSubdomainOf(DnsName.Root));
    }

    [Fact]
    public void Parent_AndLabels_WalkTowardsTheRoot()
    {
        var name = DnsName.Parse("a.b.example.");
        Assert.Equal(3, name.LabelCount);
        Assert.Equal("b.example.", name.Parent().ToString());
        Assert.Equal(".", name.Parent(3).ToString());
        Assert.Equal("b"u8.ToArray(), name.GetLabel(1).ToArray());
    }

    [Fact]
    public void ReplaceSuffix_SubstitutesForDname_AndRefusesOverlongResults()
    {
        var name = DnsName.Parse("www.old.example.");
        var replaced = name.ReplaceSuffix(DnsName.Parse("old.example."), DnsName.Parse("new.example.net."));
        Assert.Equal("www.new.example.net.", replaced!.ToString());
        var longTarget = DnsName.Parse(string.Join('.', Enumerable.Repeat(new string('x', 62), 4)) + ".");
        Assert.Null(name.ReplaceSuffix(DnsName.Parse("example."), longTarget));
    }

    [Fact]
    public void InternationalNames_AreStoredAsPunycode_AndShownInUnicode()
    {
        var name = DnsName.Parse("bücher.example.");
        Assert.Equal("xn--bcher-kva.example.", name.ToString());
        Assert.Equal("bücher.example.", name.ToUnicodeString());
    }

    [Fact]
    public void IsWildcard_OnlyForAsteriskLabel()
    {
        Assert.True(DnsName.Parse("*.example.").IsWildcard);
        Assert.False(DnsName.Parse("a*.example.").IsWildcard);
        Assert.False(DnsName.Parse(@"\*x.example.").IsWildcard);
    }

    [Fact]
    public void FromWire_RejectsBadLabelsAndTrailingBytes()
    {
        Assert.Equal("ab.", DnsName.FromWire([2, (byte)'a', (byte)'b', 0]).ToString());
        Assert.Equal(DnsFormatError.Truncated, Assert.Throws<DnsFormatException>(() => DnsName.FromWire([3, (byte)'a'])).Error);
        Assert.Equal(DnsFormatError.LabelTooLong, Assert.Throws<DnsFormatException>(() => DnsName.FromWire([64])).Error);
        Assert.Equal(DnsFormatError.TrailingData, Assert.Throws<DnsFormatException>(() => DnsName.FromWire([0, 0])).Error);
    }

    [Fact]
    public void Equality_WithOctetsAbove127_ComparesThemExactly()
    {
        Assert.Equal(DnsName.Parse(@"exam\141le.Example."), DnsName.Parse(@"exam\141le.example."));
        Assert.NotEqual(DnsName.Parse(@"exam\141le."), DnsName.Parse(@"exam\173le."));
        Assert.Equal(@"exam\141le.example.", DnsName.Parse(@"exam\141le.EXAMPLE.").ToLowerCase().ToString());
    }
}
