using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.Lookup;

public sealed class DenialChainTests
{
    [Theory]
    [InlineData("example.", "0p9mhaveqvm6t7vbl5lop2u3t2rp3tom")] // RFC 5155 Appendix A
    [InlineData("a.example.", "35mthgpgcu1qg68fab165klnsnk3dpvl")]
    [InlineData("ai.example.", "gjeqe526plbf1g8mklp59enfd789njgi")]
    public void Nsec3Hash_MatchesTheRfc5155Examples(string name, string expected)
    {
        var chain = new Nsec3Chain(12, Convert.FromHexString("AABBCCDD"), new byte[Nsec3Chain.HashLength], [new ZoneNode([], [])]);
        Span<byte> hash = stackalloc byte[Nsec3Chain.HashLength];

        chain.Hash(DnsName.Parse(name).Wire, hash);

        Assert.Equal(expected, Base32Hex.Encode(hash).ToLowerInvariant());
    }

    [Theory]
    [InlineData("a", "")]
    [InlineData("b", "")]
    [InlineData("ba", "ba")]
    [InlineData("x.ba", "ba")]
    [InlineData("bb", "ba")]
    [InlineData("c", "c")]
    [InlineData("z", "c")]
    public void NsecCovering_FindsTheGreatestOwnerNotAfterTheName(string name, string expected)
    {
        ZoneNode[] owners = [Node(""), Node("ba"), Node("c")];
        var chain = new NsecChain(owners);

        var found = chain.Covering(Key(name));

        Assert.Equal(Key(expected), found.Key);
    }

    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("b.a", "a.b", -1)]  // compared from the rightmost label
    [InlineData("a.b", "b.a", 1)]
    [InlineData("a", "a.a", -1)]    // fewer labels first
    [InlineData("a", "aa", -1)]     // a label that is a prefix of another first
    [InlineData("z.a", "a.b", -1)]
    [InlineData("", "a", -1)]
    [InlineData("\u0080", "a", 1)]   // octets compared unsigned
    public void CanonicalOrder_ComparesLabelsFromTheRight(string left, string right, int sign)
    {
        Assert.Equal(sign, Math.Sign(NameLabels.Compare(Key(left), Key(right))));
        Assert.Equal(-sign, Math.Sign(NameLabels.Compare(Key(right), Key(left))));
    }

    private static ZoneNode Node(string relative)
    {
        var key = Key(relative);
        return new ZoneNode(key, key);
    }

    /// <summary>Relative labels in wire form ("x.ba" is [1 'x' 2 'b' 'a']), octets taken from the chars.</summary>
    private static byte[] Key(string relative) => relative.Length == 0
        ? []
        : relative.Split('.').SelectMany(label => new[] { (byte)label.Length }.Concat(label.Select(c => (byte)c))).ToArray();
}
