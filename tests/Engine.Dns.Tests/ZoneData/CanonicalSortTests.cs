using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.ZoneData;

/// <summary>
/// The prefix sort must give exactly the order of the full comparison (RFC 4034 §6.1), whatever the names: one label or
/// several, labels that share their first eight octets, labels holding zero octets, labels that are prefixes of others.
/// </summary>
public sealed class CanonicalSortTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sort_GivesTheOrderOfTheFullComparison_ForRandomNames(int seed)
    {
        var random = new Random(seed);
        var keys = new HashSet<string>();
        var nodes = new List<ZoneNode> { new([], []) }; // the apex
        while (nodes.Count < 3000)
        {
            var key = RandomKey(random);
            if (keys.Add(Convert.ToHexString(key)))
                nodes.Add(new ZoneNode(key, key));
        }
        var expected = nodes.ToArray();
        Array.Sort(expected, (a, b) => NameLabels.Compare(a.Key, b.Key));

        var sorted = CanonicalSort.Sort([.. nodes.OrderBy(_ => random.Next())]);

        Assert.Equal(expected.Select(n => Convert.ToHexString(n.Key)), sorted.Select(n => Convert.ToHexString(n.Key)));
    }

    [Fact]
    public void Prefix_NeverContradictsTheFullComparison()
    {
        var random = new Random(7);
        for (int i = 0; i < 20000; i++)
        {
            byte[] left = RandomKey(random), right = RandomKey(random);
            ulong a = CanonicalSort.Prefix(left), b = CanonicalSort.Prefix(right);
            if (a != b)
                Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(NameLabels.Compare(left, right)));
        }
    }

    /// <summary>One to three labels from a small alphabet (zero octets included) and lengths around eight, so prefixes often tie.</summary>
    private static byte[] RandomKey(Random random)
    {
        byte[] alphabet = [0, 1, (byte)'a', (byte)'b', (byte)'z', 0xFF];
        var key = new List<byte>();
        int labels = random.Next(1, 4);
        for (int l = 0; l < labels; l++)
        {
            int length = random.Next(1, 12);
            key.Add((byte)length);
            for (int i = 0; i < length; i++)
                key.Add(alphabet[random.Next(alphabet.Length)]);
        }
        return [.. key];
    }
}
