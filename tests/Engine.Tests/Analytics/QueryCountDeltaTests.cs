using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Analytics;

namespace SecondaryPortal.Engine.Tests.Analytics;

public sealed class QueryCountDeltaTests
{
    private static readonly DnsName Zone = DnsName.Parse("example.com.");

    [Fact]
    public void Next_FirstSnapshot_GivesEveryCountWhole()
    {
        var delta = new QueryCountDelta();

        var grown = delta.Next([Count(RecordType.A, 5), Count(RecordType.AAAA, 2)]);

        Assert.Equal([5L, 2L], grown.Select(c => c.Count));
    }

    [Fact]
    public void Next_LaterSnapshots_GiveOnlyWhatGrew_AndTheDifferencesSumToTheTotal()
    {
        var delta = new QueryCountDelta();
        delta.Next([Count(RecordType.A, 5), Count(RecordType.AAAA, 2)]);

        var second = delta.Next([Count(RecordType.A, 12), Count(RecordType.AAAA, 2), Count(RecordType.MX, 1)]);
        var third = delta.Next([Count(RecordType.A, 13), Count(RecordType.AAAA, 2), Count(RecordType.MX, 1)]);

        Assert.Equal([(RecordType.A, 7L), (RecordType.MX, 1L)], second.Select(c => (c.QueryType!.Value, c.Count)));
        Assert.Equal([(RecordType.A, 1L)], third.Select(c => (c.QueryType!.Value, c.Count)));
        Assert.Equal(13 + 2 + 1, 5 + 2 + second.Sum(c => c.Count) + third.Sum(c => c.Count));
    }

    [Fact]
    public void Next_TellsCombinationsApartByEveryDimension()
    {
        var delta = new QueryCountDelta();
        var udp = Count(RecordType.A, 1);
        delta.Next([udp, udp with { Transport = DnsTransport.Tcp }, udp with { IpVersion = IpVersion.V6 }, udp with { ClientRegion = "eu" }]);

        var grown = delta.Next([udp with { Count = 2 }, udp with { Transport = DnsTransport.Tcp, Count = 1 }, udp with { IpVersion = IpVersion.V6, Count = 3 },
            udp with { ClientRegion = "eu", Count = 1 }, udp with { Region = "ams", Count = 4 }]);

        Assert.Equal([1L, 2L, 4L], grown.Select(c => c.Count));
    }

    private static QueryCount Count(RecordType type, long count) =>
        new(Zone, type, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "other", "local", count);
}
