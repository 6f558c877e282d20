using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

public sealed class QueryCountersTests
{
    private static readonly DnsName Example = DnsName.Parse("example.");

    [Fact]
    public void Count_IsReportedByZoneTypeRcodeTransportAndRegion()
    {
        var counters = new QueryCounters(new ResponderOptions { Region = "eu-west" });

        counters.Count(Example, RecordType.A, DnsRcode.NoError, DnsTransport.Udp);
        counters.Count(Example, RecordType.A, DnsRcode.NoError, DnsTransport.Udp);
        counters.Count(Example, RecordType.AAAA, DnsRcode.NXDomain, DnsTransport.Tcp);
        counters.Count(null, RecordType.A, DnsRcode.Refused, DnsTransport.Udp);

        var counts = counters.Snapshot();
        Assert.Contains(new QueryCount(Example, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, "eu-west", 2), counts);
        Assert.Contains(new QueryCount(Example, RecordType.AAAA, DnsRcode.NXDomain, DnsTransport.Tcp, "eu-west", 1), counts);
        Assert.Contains(new QueryCount(null, RecordType.A, DnsRcode.Refused, DnsTransport.Udp, "eu-west", 1), counts);
        Assert.Equal(3, counts.Count);
    }

    [Fact]
    public void UntrackedTypesAndRcodes_AreCountedAsOther()
    {
        var counters = new QueryCounters();

        counters.Count(Example, RecordType.LOC, DnsRcode.BadCookie, DnsTransport.Udp);

        var count = Assert.Single(counters.Snapshot());
        Assert.Null(count.QueryType);
        Assert.Null(count.Rcode);
        Assert.Equal("local", count.Region);
    }

    [Fact]
    public void Count_FromManyThreads_LosesNothing()
    {
        var counters = new QueryCounters();

        Parallel.For(0, 200_000, i => counters.Count(Example, RecordType.A, DnsRcode.NoError, (DnsTransport)(i & 1)));

        Assert.Equal(200_000, counters.Snapshot().Sum(c => c.Count));
    }

    [Fact]
    public void Handler_CountsEachAnsweredQuery_ButNotIgnoredOnes()
    {
        var responder = TestResponder.WithZone("example.", AnswerRulesTests.Zone);

        responder.Ask("www.example.", RecordType.A);
        responder.Ask("nope.example.", RecordType.A, transport: DnsTransport.Tcp);
        responder.Ask("www.other.", RecordType.MX);
        responder.Exchange([0, 1, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        var counts = responder.Counters.Snapshot();
        Assert.Contains(new QueryCount(Example, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, "local", 1), counts);
        Assert.Contains(new QueryCount(Example, RecordType.A, DnsRcode.NXDomain, DnsTransport.Tcp, "local", 1), counts);
        Assert.Contains(new QueryCount(null, RecordType.MX, DnsRcode.Refused, DnsTransport.Udp, "local", 1), counts);
        Assert.Equal(3, counts.Sum(c => c.Count));
    }
}
