using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.Lookup;

public sealed class ZoneTableTests
{
    private static ZoneSnapshot Zone(string origin, uint serial = 1) =>
        TestResponder.Load(origin, $"$TTL 60\n@ SOA ns hm {serial} 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n");

    [Fact]
    public void Publish_ThenGet_ReturnsTheSnapshot_WhateverTheCase()
    {
        var table = new ZoneTable();
        var zone = Zone("example.");

        table.Publish(zone);

        Assert.Same(zone, table.Get(DnsName.Parse("EXAMPLE.")));
        Assert.Equal([DnsName.Parse("example.")], table.Origins);
    }

    [Fact]
    public void Publish_ForAKnownOrigin_ReplacesTheSnapshot()
    {
        var table = new ZoneTable();
        table.Publish(Zone("example.", 1));

        table.Publish(Zone("example.", 2));

        Assert.Equal(2u, table.Get(DnsName.Parse("example."))!.Serial);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Remove_StopsServingTheZone()
    {
        var responder = new TestResponder();
        responder.Zones.Publish(Zone("example."));

        Assert.True(responder.Zones.Remove(DnsName.Parse("example.")));

        Assert.False(responder.Zones.Remove(DnsName.Parse("example.")));
        Assert.Null(responder.Zones.Get(DnsName.Parse("example.")));
        Assert.Equal(DnsRcode.Refused, responder.Ask("ns.example.", RecordType.A).Rcode);
    }

    [Fact]
    public void SetUnavailable_KeepsTheZoneKnown_ButServesNothing()
    {
        var responder = new TestResponder();
        responder.Zones.Publish(Zone("example."));

        responder.Zones.SetUnavailable(DnsName.Parse("example."));

        Assert.Null(responder.Zones.Get(DnsName.Parse("example.")));
        Assert.Contains(DnsName.Parse("example."), responder.Zones.Origins);
        Assert.Equal(DnsRcode.ServFail, responder.Ask("ns.example.", RecordType.A).Rcode);
    }

    [Fact]
    public void SetUnavailable_ForAZoneNotLoadedYet_AnswersServFail()
    {
        var responder = new TestResponder();

        responder.Zones.SetUnavailable(DnsName.Parse("example."));

        Assert.Equal(DnsRcode.ServFail, responder.Ask("www.example.", RecordType.A).Rcode);
    }

    [Fact]
    public void RootZone_EnclosesEveryName()
    {
        var responder = new TestResponder();
        responder.Zones.Publish(Zone("."));

        Assert.Equal(DnsRcode.NXDomain, responder.Ask("www.example.", RecordType.A).Rcode);
        Assert.Equal(DnsRcode.NoError, responder.Ask(".", RecordType.SOA).Rcode);
    }

    [Fact]
    public async Task Readers_WhilePublishing_AlwaysSeeAWholeZone()
    {
        var responder = new TestResponder();
        responder.Zones.Publish(Zone("example.", 1));
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (uint serial = 2; !stop.IsCancellationRequested; serial++)
                responder.Zones.Publish(Zone("example.", serial));
        });

        for (int i = 0; i < 2000; i++)
        {
            var answer = responder.Ask("example.", RecordType.SOA);
            Assert.Equal(DnsRcode.NoError, answer.Rcode);
            Assert.Single(answer.Answers);
        }

        await stop.CancelAsync();
        await writer;
    }
}
