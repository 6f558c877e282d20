using System.Net;
using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tests.Lookup;
using SecondaryPortal.Dns.Tests.Support;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Analytics;

/// <summary>What the responder counts per query: the dimensions it passes to <see cref="QueryCounters"/>.</summary>
public sealed class ResponderCountingTests
{
    private static readonly DnsName Example = DnsName.Parse("example.");

    private static readonly ClientRegionMap Regions = ClientRegionMap.Create(
    [
        new("10.0.0.0/8", "corp"),
        new("10.1.0.0/16", "lab"),
        new("192.0.2.0/24", "emea"),
        new("2001:db8::/32", "apac"),
    ]);

    private static TestResponder Responder(ResponderOptions? options = null) =>
        TestResponder.WithZone("example.", AnswerRulesTests.Zone, options, new QueryCountingOptions { ClientRegions = Regions });

    private static QueryCount Only(TestResponder responder) => Assert.Single(responder.Counters.Snapshot());

    /// <summary>An EDNS Client Subnet option (RFC 7871 §6): FAMILY, SOURCE PREFIX-LENGTH, SCOPE PREFIX-LENGTH, ADDRESS.</summary>
    private static Edns ClientSubnet(ushort family, byte source, byte scope, params byte[] address) =>
        new() { Options = [new EdnsOption(EdnsOption.ClientSubnet, (byte[])[(byte)(family >> 8), (byte)family, source, scope, .. address])] };

    [Fact]
    public void Handler_CountsEachAnsweredQuery_ButNotIgnoredOnes()
    {
        var responder = Responder(new ResponderOptions());

        responder.Ask("www.example.", RecordType.A);
        responder.Ask("nope.example.", RecordType.A, transport: DnsTransport.Tcp);
        responder.Ask("www.other.", RecordType.MX);
        responder.Exchange([0, 1, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        var counts = responder.Counters.Snapshot();
        Assert.Contains(new QueryCount(Example, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "other", "local", 1), counts);
        Assert.Contains(new QueryCount(Example, RecordType.A, DnsRcode.NXDomain, DnsTransport.Tcp, IpVersion.V4, "other", "local", 1), counts);
        Assert.Contains(new QueryCount(null, RecordType.MX, DnsRcode.Refused, DnsTransport.Udp, IpVersion.V4, "other", "local", 1), counts);
        Assert.Equal(3, counts.Sum(c => c.Count));
    }

    [Fact]
    public void Handler_CountsFormatErrorsAndUnsupportedOpcodesOutsideEveryZone()
    {
        var responder = Responder();
        var query = DnsMessage.CreateQuery(DnsName.Parse("www.example."), RecordType.A, 1).ToArray();

        responder.Exchange(query.AsSpan(0, query.Length - 1));
        query[2] |= 0x28; // opcode 5 (UPDATE)
        responder.Exchange(query);

        var counts = responder.Counters.Snapshot();
        Assert.Contains(counts, c => c is { Zone: null, Rcode: DnsRcode.FormErr, Count: 1 });
        Assert.Contains(counts, c => c is { Zone: null, Rcode: DnsRcode.NotImp, Count: 1 });
    }

    [Theory]
    [InlineData("192.0.2.7", IpVersion.V4)]
    [InlineData("2001:db8::7", IpVersion.V6)]
    [InlineData("::ffff:192.0.2.7", IpVersion.V4)]
    public void Handler_CountsTheIpVersionTheQueryCameOver_MappedAddressesAsIPv4(string client, IpVersion expected)
    {
        var responder = Responder();

        responder.Ask("www.example.", RecordType.A, client: IPAddress.Parse(client));

        Assert.Equal(expected, Only(responder).IpVersion);
    }

    [Theory]
    [InlineData("192.0.2.7", "emea")]
    [InlineData("::ffff:192.0.2.7", "emea")]
    [InlineData("2001:db8:1::1", "apac")]
    [InlineData("10.200.0.1", "corp")]
    [InlineData("10.1.2.3", "lab")]
    [InlineData("198.51.100.1", "other")]
    [InlineData("2001:db9::1", "other")]
    public void Handler_WithoutClientSubnet_TakesTheRegionOfTheSocketAddress_LongestPrefixFirst(string client, string region)
    {
        var responder = Responder();

        responder.Ask("www.example.", RecordType.A, client: IPAddress.Parse(client));

        Assert.Equal(region, Only(responder).ClientRegion);
    }

    [Fact]
    public void Handler_WithAClientSubnet_TakesTheRegionOfTheSubnetNotOfTheResolver()
    {
        var responder = Responder();

        responder.Ask("www.example.", RecordType.A, ClientSubnet(1, 24, 0, 10, 1, 7), client: IPAddress.Parse("192.0.2.53"));
        responder.Ask("www.example.", RecordType.A, ClientSubnet(2, 48, 0, 0x20, 0x01, 0x0d, 0xb8, 0, 1), client: IPAddress.Parse("192.0.2.53"));

        var counts = responder.Counters.Snapshot();
        Assert.Contains(counts, c => c is { ClientRegion: "lab", IpVersion: IpVersion.V4, Count: 1 });
        Assert.Contains(counts, c => c is { ClientRegion: "apac", IpVersion: IpVersion.V4, Count: 1 });
        Assert.Equal(2, counts.Count);
    }

    [Fact]
    public void Handler_WithAClientSubnetShorterThanEveryNetwork_CountsOther()
    {
        var responder = Responder();

        // 10.0.0.0/7 covers more than 10.0.0.0/8: it cannot be said to be inside it.
        responder.Ask("www.example.", RecordType.A, ClientSubnet(1, 7, 0, 10), client: IPAddress.Parse("192.0.2.53"));

        Assert.Equal("other", Only(responder).ClientRegion);
    }

    public static TheoryData<string, byte[]> MalformedClientSubnets() => new()
    {
        { "unknown family", [0, 3, 24, 0, 10, 1, 7] },
        { "IPv4 prefix longer than 32", [0, 1, 33, 0, 10, 1, 7, 1, 0] },
        { "too few address octets", [0, 1, 24, 0, 10, 1] },
        { "too many address octets", [0, 1, 16, 0, 10, 1, 7] },
        { "bits set past the prefix", [0, 1, 20, 0, 10, 1, 0xFF] },
        { "scope prefix set in a query", [0, 1, 24, 24, 10, 1, 7] },
        { "shorter than its fixed fields", [0, 1, 24] },
        { "source prefix 0: the client opted out", [0, 1, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(MalformedClientSubnets))]
    public void Handler_WithAMalformedOrEmptyClientSubnet_FallsBackToTheSocketAddress(string what, byte[] option)
    {
        var responder = Responder();

        var response = responder.Ask("www.example.", RecordType.A, new Edns { Options = [new EdnsOption(EdnsOption.ClientSubnet, option)] },
            client: IPAddress.Parse("192.0.2.53"));

        Assert.Equal(DnsRcode.NoError, response.Rcode);
        Assert.True(Only(responder).ClientRegion == "emea", what);
    }

    [Fact]
    public void Handler_WithCountingOff_CountsNothing()
    {
        var responder = Responder(new ResponderOptions { CountQueries = false });

        responder.Ask("www.example.", RecordType.A);

        Assert.Empty(responder.Counters.Snapshot());
        Assert.Empty(responder.Counters.DrainTopNames());
    }

    [Fact]
    public void Handler_WithRegionsAndAClientSubnet_AllocatesNothingOnceWarm()
    {
        var single = new TestResponder(singleStripe: true, counting: new QueryCountingOptions { ClientRegions = Regions });
        single.Zones.Publish(TestResponder.Load("example.", AnswerRulesTests.Zone));
        byte[] request = DnsMessage.CreateQuery(DnsName.Parse("nope.example."), RecordType.A, 7, ClientSubnet(1, 24, 0, 10, 1, 7)).ToArray();
        var buffer = new byte[ushort.MaxValue];
        var context = new DnsRequestContext(DnsTransport.Udp, new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5353).Serialize());
        for (int i = 0; i < 100; i++)
            single.Handler.Handle(request, buffer, context);

        int handled = 100;
        long allocated = Allocations.OnThisThread(() =>
        {
            for (int i = 0; i < 1000; i++)
                single.Handler.Handle(request, buffer, context);
            handled += 1000;
        });

        Assert.Equal(0, allocated);
        Assert.Contains(single.Counters.Snapshot(), c => c is { ClientRegion: "lab", IpVersion: IpVersion.V6, Rcode: DnsRcode.NXDomain } && c.Count == handled);
    }
}
