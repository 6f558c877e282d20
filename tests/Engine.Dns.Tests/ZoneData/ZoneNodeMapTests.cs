using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.ZoneData;

/// <summary>
/// <see cref="ZoneNodeMap"/>: a patched snapshot's names are its changes beside its predecessor's dictionary. Every map
/// in a chain of edits reads exactly as a plain dictionary given the same edits, and no edit reaches an earlier map.
/// </summary>
public sealed class ZoneNodeMapTests
{
    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 2000)]
    public void AChainOfEdits_ReadsLikeAPlainDictionaryAtEveryStep_AcrossNewDictionaries(int seed, int names)
    {
        var random = new Random(seed);
        var model = Enumerable.Range(0, names).Select(Node).ToDictionary(n => Key(n));
        var map = ZoneNodeMap.Whole(model.Values.ToDictionary(n => n.Key, NameKeyComparer.Instance));
        var earlier = new List<(ZoneNodeMap Map, Dictionary<string, ZoneNode> Model)>();
        // Enough edits for the changes to outgrow their bound several times: the chain makes new dictionaries on the way.
        int steps = 4 * ZoneNodeMap.MaxChanges(names), newDictionaries = 0;
        for (int step = 0; step < steps; step += 3)
        {
            var editor = map.Edit();
            for (int edit = 0; edit < 3; edit++)
            {
                int name = random.Next(names * 2); // half the names never existed
                if (random.Next(3) == 0)
                {
                    editor.Remove(KeyOf(name));
                    model.Remove(Key(name));
                }
                else
                {
                    var node = Node(name);
                    editor.Set(node);
                    model[Key(name)] = node;
                }
            }
            map = editor.Seal();
            if (map.ChangeCount == 0)
                newDictionaries++;
            AssertReadsLike(model, map, names * 2);
            if (step % 60 == 0)
                earlier.Add((map, new Dictionary<string, ZoneNode>(model)));
        }
        Assert.InRange(newDictionaries, 1, steps / 10);
        foreach (var (oldMap, oldModel) in earlier)
            AssertReadsLike(oldModel, oldMap, names * 2);
    }

    [Fact]
    public void AnEditorReadsItsOwnEdits_BeforeItIsSealed()
    {
        var map = ZoneNodeMap.Whole(new Dictionary<byte[], ZoneNode>(NameKeyComparer.Instance) { [KeyOf(1)] = Node(1) });
        var editor = map.Edit();
        var added = Node(2);

        editor.Set(added);
        editor.Remove(KeyOf(1));

        Assert.Same(added, editor.Find(KeyOf(2)));
        Assert.Null(editor.Find(KeyOf(1)));
        Assert.NotNull(map.Find(KeyOf(1)));
        Assert.Null(map.Find(KeyOf(2)));
    }

    [Fact]
    public void AFewChanges_AreKeptBesideTheSharedDictionary_AndManyMakeOneDictionaryAgain()
    {
        var map = ZoneNodeMap.Whole(Enumerable.Range(0, 10_000).Select(Node).ToDictionary(n => n.Key, NameKeyComparer.Instance));
        var editor = map.Edit();
        editor.Set(Node(10_001));
        Assert.Equal(1, editor.Seal().ChangeCount);

        int many = 2 * ZoneNodeMap.MaxChanges(10_000);
        editor = map.Edit();
        for (int name = 0; name < many; name++)
            editor.Set(Node(20_000 + name));
        var whole = editor.Seal();

        Assert.Equal(0, whole.ChangeCount);
        Assert.Equal(10_000 + many, whole.Count);
    }

    private static void AssertReadsLike(Dictionary<string, ZoneNode> model, ZoneNodeMap map, int names)
    {
        Assert.Equal(model.Count, map.Count);
        for (int name = 0; name < names; name++)
            Assert.Same(model.GetValueOrDefault(Key(name)), map.Find(KeyOf(name)));
        Assert.Equal(model.Values.Select(n => Key(n)).Order(), map.Values.Select(n => Key(n)).Order());
    }

    /// <summary>A new node object for the name each time, so a test can tell which edit put it there.</summary>
    private static ZoneNode Node(int name) => new(KeyOf(name), KeyOf(name));

    private static byte[] KeyOf(int name)
    {
        byte[] label = System.Text.Encoding.ASCII.GetBytes(Key(name));
        return [(byte)label.Length, .. label];
    }

    private static string Key(int name) => $"n{name}";

    private static string Key(ZoneNode node) => System.Text.Encoding.ASCII.GetString(node.Key, 1, node.Key.Length - 1);
}
