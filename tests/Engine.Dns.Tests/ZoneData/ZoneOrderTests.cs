using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.ZoneData;

/// <summary>
/// A zone without NSEC records is served before its names are sorted (a million names take most of a second); the
/// canonical order is computed once, by whoever needs it first, however many ask at once.
/// </summary>
public sealed class ZoneOrderTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.");

    private static ZoneSnapshot Build(string body) =>
        ZoneSnapshot.Build(Origin, ZoneFileParser.Parse("$TTL 3600\n@ SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\n" + body, Origin)).Snapshot!;

    [Fact]
    public void Ordered_OfAnUnsignedZone_IsTheCanonicalOrder_ApexFirst()
    {
        var zone = Build("z A 192.0.2.1\nb.a A 192.0.2.2\na A 192.0.2.3\n*.a A 192.0.2.4\nZ.b TXT x\n");

        var names = zone.NodeSet.Ordered.Select(n => DnsName.FromValidatedWire([.. n.Key, 0]).ToString()).ToList();

        // RFC 4034 §6.1: the apex, then a and its subtree (the wildcard's "*" sorts before "b"), then b (an empty non-terminal), z.
        Assert.Equal([".", "a.", "*.a.", "b.a.", "b.", "z.b.", "z."], names);
    }

    [Theory]
    [InlineData("a", "ab")]       // a label that is a prefix of another sorts first (RFC 4034 §6.1)
    [InlineData("ab", "b")]
    [InlineData("a", "a.a")]      // a name before its descendants
    [InlineData("z.a", "b")]      // labels compare from the right
    [InlineData("host10a", "host9")] // octet by octet: "1" sorts before "9"
    [InlineData("\000", "\001")] // octets, not characters
    public void Compare_PutsNamesInCanonicalOrder_WhetherOneLabelOrMore(string first, string second)
    {
        byte[] left = RelativeKey(first), right = RelativeKey(second);

        Assert.True(NameLabels.Compare(left, right) < 0, $"{first} before {second}");
        Assert.True(NameLabels.Compare(right, left) > 0, $"{second} after {first}");
        Assert.Equal(0, NameLabels.Compare(left, RelativeKey(first)));
    }

    /// <summary>The lowercase labels of <paramref name="relative"/> below the origin, as a snapshot keys its nodes.</summary>
    private static byte[] RelativeKey(string relative)
    {
        var wire = DnsName.Parse(relative, Origin).ToLowerCase().Wire;
        return wire[..^Origin.WireLength].ToArray();
    }

    [Fact]
    public void Ordered_AskedForByManyThreadsAtOnce_IsSortedOnce_AndTheSameForAll()
    {
        var zone = Build(string.Concat(Enumerable.Range(0, 2000).Select(i => $"host{i} A 10.0.{i >> 8}.{i & 255}\n")));

        var seen = new ZoneNode[8][];
        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = seen.Length }, i => seen[i] = zone.NodeSet.Ordered);

        Assert.All(seen, ordered => Assert.Same(seen[0], ordered));
        Assert.Equal(zone.NodeCount, seen[0].Length);
    }

    [Fact]
    public async Task SortInBackground_LeavesAnUnsignedZoneSorted_WhileASignedOneWasSortedWhenBuilt()
    {
        var unsigned = Build("b A 192.0.2.2\na A 192.0.2.1\n");
        bool sortedWhenBuilt = unsigned.NodeSet.IsOrdered;

        await unsigned.SortInBackground().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(sortedWhenBuilt);
        Assert.True(unsigned.NodeSet.IsOrdered);
        Assert.True(Build("a NSEC b A NSEC\nb A 192.0.2.1\n").NodeSet.IsOrdered); // its NSEC chain needs the order at once
    }

    [Fact]
    public void Records_OfAnUnsignedZone_ComeInCanonicalOrder_AfterTheApex()
    {
        var zone = Build("b A 192.0.2.2\na A 192.0.2.1\n");

        Assert.Equal(["example.", "example.", "a.example.", "b.example."], zone.Records().Select(r => r.Name.ToString()));
    }
}
