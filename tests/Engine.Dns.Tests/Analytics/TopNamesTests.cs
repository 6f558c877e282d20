using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Tests.Lookup;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Analytics;

/// <summary>The responder's top names per zone, through <see cref="QueryCounters.DrainTopNames"/>.</summary>
public sealed class TopNamesTests
{
    private static TestResponder Responder(QueryCountingOptions? counting = null) =>
        TestResponder.WithZone("example.", AnswerRulesTests.Zone, counting: counting);

    private static NameCount Named(string name, long count) => new(DnsName.Parse(name), count);

    [Fact]
    public void DrainTopNames_GivesEachZonesNamesInLowerCase_AndNxDomainNamesApart_ButNoRefusedNames()
    {
        var responder = Responder();

        responder.Ask("www.example.", RecordType.A);
        responder.Ask("WWW.Example.", RecordType.AAAA);
        responder.Ask("www.example.", RecordType.MX);
        responder.Ask("nope.example.", RecordType.A);
        responder.Ask("nope.example.", RecordType.A);
        responder.Ask("www.elsewhere.", RecordType.A);

        var top = Assert.Single(responder.Counters.DrainTopNames());
        Assert.Equal(DnsName.Parse("example."), top.Zone);
        Assert.Equal([Named("www.example.", 3), Named("nope.example.", 2)], top.Names);
        Assert.Equal([Named("nope.example.", 2)], top.NxDomainNames);
    }

    [Fact]
    public void DrainTopNames_EmptiesTheSketches_SoTheNextDrainHasOnlyNewQueries()
    {
        var responder = Responder();
        responder.Ask("www.example.", RecordType.A);
        responder.Counters.DrainTopNames();

        Assert.Empty(responder.Counters.DrainTopNames());

        responder.Ask("nope.example.", RecordType.A);
        var top = Assert.Single(responder.Counters.DrainTopNames());
        Assert.Equal([Named("nope.example.", 1)], top.Names);
        // The counts stay cumulative: draining top names does not touch them.
        Assert.Equal(2, responder.Counters.Snapshot().Sum(c => c.Count));
    }

    [Fact]
    public void DrainTopNames_AfterARandomSubdomainFlood_ReturnsAtMostTheCapacity_WithTheHeavyHitterFirst()
    {
        var responder = Responder(new QueryCountingOptions { TopNamesCapacity = 16 });

        for (int i = 0; i < 3000; i++)
        {
            responder.Ask($"r{i}.example.", RecordType.A);
            if (i % 4 == 0)
                responder.Ask("www.example.", RecordType.A);
        }

        var top = Assert.Single(responder.Counters.DrainTopNames());
        Assert.Equal(16, top.Names.Count);
        Assert.Equal(16, top.NxDomainNames.Count);
        Assert.Equal(DnsName.Parse("www.example."), top.Names[0].Name);
        // The flood makes the sketch sample (one name in 2 or 4): the heavy hitter's count is an estimate of its 750.
        Assert.InRange(top.Names[0].Count, 600, 1000);
    }

    [Fact]
    public void Handler_WithTopNamesOff_KeepsNoNames_ButStillCounts()
    {
        var responder = Responder(new QueryCountingOptions { TopNamesCapacity = 0 });

        responder.Ask("www.example.", RecordType.A);

        Assert.Empty(responder.Counters.DrainTopNames());
        Assert.Equal(1, responder.Counters.Snapshot().Sum(c => c.Count));
    }
}
