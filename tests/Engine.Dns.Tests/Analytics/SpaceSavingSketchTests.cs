using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Tests.Support;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Analytics;

public sealed class SpaceSavingSketchTests
{
    private static byte[] Key(string name) => DnsName.Parse(name).ToLowerCase().Wire.ToArray();

    /// <summary>A stream where name i of 200 is asked for about 10,000 / (i + 1) times (Zipf), plus a tail of names asked for once, shuffled.</summary>
    private static List<byte[]> SkewedStream(out Dictionary<string, long> truth)
    {
        var stream = new List<byte[]>();
        truth = [];
        for (int i = 0; i < 200; i++)
        {
            string name = $"host{i}.example.";
            long times = 10_000 / (i + 1);
            truth[name] = times;
            var key = Key(name);
            for (int j = 0; j < times; j++)
                stream.Add(key);
        }
        for (int i = 0; i < 20_000; i++)
        {
            truth[$"tail{i}.example."] = 1;
            stream.Add(Key($"tail{i}.example."));
        }
        var random = new Random(42);
        return stream.OrderBy(_ => random.Next()).ToList();
    }

    [Fact]
    public void Add_WhenDistinctNamesFitTheCapacity_CountsEachExactly()
    {
        var sketch = new SpaceSavingSketch(capacity: 8);

        for (int i = 0; i < 8; i++)
        {
            for (int j = 0; j <= i; j++)
                sketch.Add(Key($"n{i}.example."));
        }

        var top = sketch.Top();
        Assert.Equal(8, top.Count);
        Assert.Equal(Enumerable.Range(0, 8).Reverse().Select(i => new NameCount(DnsName.Parse($"n{i}.example."), i + 1)), top);
        Assert.True(sketch.TryGetCount(Key("n3.example."), out _, out long overestimate));
        Assert.Equal(0, overestimate);
    }

    [Fact]
    public void Add_OnASkewedStream_KeepsTheHeavyHitters_WithCountsWithinTheGuaranteedBounds()
    {
        var stream = SkewedStream(out var truth);
        var sketch = new SpaceSavingSketch(capacity: 64);

        foreach (var key in stream)
            sketch.Add(key);

        var top = sketch.Top();
        Assert.Equal(64, top.Count);
        // Space-Saving: the counts add up to the stream's length ...
        Assert.Equal(stream.Count, top.Sum(n => n.Count));
        // ... each kept name's count is at least its true count and at most its overestimate above it ...
        foreach (var kept in top)
        {
            long actual = truth[kept.Name.ToString()];
            Assert.True(sketch.TryGetCount(kept.Name.Wire, out long count, out long overestimate));
            Assert.InRange(actual, count - overestimate, count);
        }
        // ... and every name asked for more than N / capacity times is kept.
        var kept64 = top.Select(n => n.Name.ToString()).ToHashSet();
        Assert.All(truth.Where(t => t.Value > stream.Count / 64), t => Assert.Contains(t.Key, kept64));
        Assert.Equal(["host0.example.", "host1.example.", "host2.example."], top.Take(3).Select(n => n.Name.ToString()));
    }

    [Fact]
    public void Add_UnderARandomSubdomainFlood_StaysWithinItsCapacity_AndAllocatesNothingOnceWarm()
    {
        var sketch = new SpaceSavingSketch(capacity: 64);
        var warmUp = Enumerable.Range(0, 10_000).Select(i => Key($"{i:x8}.victim.example.")).ToArray();
        var flood = Enumerable.Range(10_000, 100_000).Select(i => Key($"{i:x8}.victim.example.")).ToArray();
        var heavy = Key("www.victim.example.");
        foreach (var key in warmUp)
            sketch.Add(key);

        long allocated = Allocations.OnThisThread(() =>
        {
            for (int i = 0; i < flood.Length; i++)
            {
                sketch.Add(flood[i]);
                if (i % 10 == 0)
                    sketch.Add(heavy);
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(64, sketch.Count);
        Assert.True(sketch.KeyBytes <= 64 * 256, $"{sketch.KeyBytes} key octets");
        Assert.Equal(DnsName.Parse("www.victim.example."), sketch.Top()[0].Name);
    }

    [Fact]
    public void Add_OfManyNamesThroughASmallSketch_KeepsItsTableConsistent()
    {
        var sketch = new SpaceSavingSketch(capacity: 5);
        var random = new Random(7);
        long added = 0;

        for (int i = 0; i < 20_000; i++)
        {
            sketch.Add(Key($"n{random.Next(40)}.example."));
            added++;
            if (i % 997 == 0)
            {
                var top = sketch.Top();
                Assert.Equal(added, top.Sum(n => n.Count));
                Assert.All(top, n => Assert.True(sketch.TryGetCount(n.Name.Wire, out long count, out _) && count == n.Count));
            }
        }
        Assert.Equal(added, sketch.Total);
    }

    [Fact]
    public void Drain_ReturnsTheTopNamesAndEmptiesTheSketch()
    {
        var sketch = new SpaceSavingSketch(capacity: 4);
        sketch.Add(Key("a.example."));
        sketch.Add(Key("a.example."));
        sketch.Add(Key("b.example."));

        var drained = sketch.Drain();

        Assert.Equal([new NameCount(DnsName.Parse("a.example."), 2), new NameCount(DnsName.Parse("b.example."), 1)], drained);
        Assert.Empty(sketch.Top());
        Assert.Equal(0, sketch.Total);
        Assert.False(sketch.TryGetCount(Key("a.example."), out _, out _));
        sketch.Add(Key("b.example."));
        Assert.Equal([new NameCount(DnsName.Parse("b.example."), 1)], sketch.Top());
    }

    [Fact]
    public void Add_FromManyThreads_CountsEveryName()
    {
        var sketch = new SpaceSavingSketch(capacity: 16);
        var keys = Enumerable.Range(0, 16).Select(i => Key($"n{i}.example.")).ToArray();

        Parallel.For(0, 160_000, i => sketch.Add(keys[i % 16]));

        Assert.All(sketch.Top(), n => Assert.Equal(10_000, n.Count));
        Assert.Equal(160_000, sketch.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70_000)]
    public void Constructor_WithACapacityOutOfRange_Throws(int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpaceSavingSketch(capacity));

    [Fact]
    public void SamplingSketch_UnderARandomSubdomainFlood_SamplesAndStillFindsTheHeavyHitter()
    {
        var sketch = new SpaceSavingSketch(capacity: 64, sampleUnderChurn: true);
        var heavy = Key("www.victim.example.");
        int heavyTrue = 0;
        for (int i = 0; i < 200_000; i++)
        {
            sketch.Add(Key($"{i:x8}.victim.example."));
            if (i % 10 == 0)
            {
                sketch.Add(heavy);
                heavyTrue++;
            }
        }

        Assert.Equal(16, sketch.SampleEvery);
        var top = sketch.Top()[0];
        Assert.Equal("www.victim.example.", top.Name.ToString());
        // An estimate now: its expectation is the true count (20,000); the sample leaves it within a few percent.
        Assert.InRange(top.Count, heavyTrue * 0.8, heavyTrue * 1.5);
        Assert.InRange(sketch.Total, 220_000 * 0.9, 220_000 * 1.1);
    }

    [Fact]
    public void SamplingSketch_WhenNamesFitTheCapacity_NeverSamples_AndIsExact()
    {
        var sketch = new SpaceSavingSketch(capacity: 64, sampleUnderChurn: true);
        for (int i = 0; i < 50_000; i++)
            sketch.Add(Key($"host{i % 40}.example."));

        Assert.Equal(1, sketch.SampleEvery);
        Assert.All(sketch.Top(), name => Assert.Equal(1250, name.Count));
    }

    [Fact]
    public void SamplingSketch_AfterADrain_TakesEveryNameAgain()
    {
        var sketch = new SpaceSavingSketch(capacity: 8, sampleUnderChurn: true);
        for (int i = 0; i < 100_000; i++)
            sketch.Add(Key($"{i:x8}.example."));
        Assert.True(sketch.SampleEvery > 1);

        sketch.Drain();
        sketch.Add(Key("www.example."));

        Assert.Equal(1, sketch.SampleEvery);
        Assert.Equal(1, Assert.Single(sketch.Top()).Count);
    }
}
