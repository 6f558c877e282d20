using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.ZoneData;

/// <summary><see cref="SortedNodes.With"/>: a copy in canonical order with nodes added, replaced and removed, sized exactly.</summary>
public sealed class SortedNodesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void With_RandomEdits_GivesTheSortedNodesOfTheEditedSet(int seed)
    {
        var random = new Random(seed);
        var model = new Dictionary<string, ZoneNode>();
        foreach (int name in Enumerable.Range(0, 200).Select(_ => random.Next(400)))
            model[Name(name)] = Node(name);
        var sorted = Sorted(model.Values);

        var edits = new Dictionary<byte[], ZoneNode?>(NameKeyComparer.Instance);
        foreach (int name in Enumerable.Range(0, 60).Select(_ => random.Next(400)))
        {
            // Some edits remove a name that is not there, some add one before every other (the apex's children sort first).
            var node = random.Next(3) == 0 ? null : Node(name);
            edits[Key(name)] = node;
            if (node is null)
                model.Remove(Name(name));
            else
                model[Name(name)] = node;
        }

        var edited = SortedNodes.With(sorted, SortedNodes.Sorted(edits));

        Assert.Equal(Sorted(model.Values), edited);
    }

    [Fact]
    public void With_AnEditBeforeTheFirstNode_AndARemovalOfTheLast_KeepsTheRestInOrder()
    {
        var sorted = Sorted([Node(5), Node(6), Node(7)]);
        var first = new ZoneNode([], []); // the apex sorts before every name
        var edits = new Dictionary<byte[], ZoneNode?>(NameKeyComparer.Instance) { [first.Key] = first, [Key(7)] = null };

        var edited = SortedNodes.With(sorted, SortedNodes.Sorted(edits));

        Assert.Equal([first, sorted[0], sorted[1]], edited);
    }

    private static ZoneNode[] Sorted(IEnumerable<ZoneNode> nodes) => ZoneStructure.Order(nodes);

    private static string Name(int name) => $"n{name}";

    private static byte[] Key(int name) => DnsName.Parse(Name(name) + ".").ToLowerCase().Wire[..^1].ToArray();

    private static ZoneNode Node(int name) => new(Key(name), Key(name));
}
