using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Tests.Lookup;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.ZoneData;

/// <summary>Asserts that two snapshots of one zone hold the same records and give byte-identical answers.</summary>
internal static class SnapshotEquivalence
{
    private static readonly RecordType[] Types =
    [
        RecordType.A, RecordType.AAAA, RecordType.NS, RecordType.SOA, RecordType.MX, RecordType.TXT, RecordType.CNAME,
        RecordType.DNAME, RecordType.DS, RecordType.NSEC, RecordType.DNSKEY, RecordType.ANY,
    ];

    /// <summary>Compares records and the answers to every owner name (and names below it) times several types, with and without DO.</summary>
    public static void AssertSame(ZoneSnapshot expected, ZoneSnapshot actual, int maxNames = int.MaxValue)
    {
        var expectedRecords = expected.Records().Select(r => r.ToString()).ToList();
        Assert.Equal(expectedRecords, actual.Records().Select(r => r.ToString()).ToList());
        Assert.Equal(expected.RecordCount, actual.RecordCount);
        Assert.Equal(expected.NodeCount, actual.NodeCount);
        Assert.Equal(expected.IsSigned, actual.IsSigned);
        Assert.Equal(expected.Serial, actual.Serial);
        var left = new TestResponder();
        left.Zones.Publish(expected);
        var right = new TestResponder();
        right.Zones.Publish(actual);
        foreach (var name in QueryNames(expected).Take(maxNames))
        {
            foreach (var type in Types)
            {
                foreach (var edns in new Edns?[] { null, new Edns { UdpPayloadSize = 1232, DnssecOk = true } })
                {
                    var query = DnsMessage.CreateQuery(name, type, 0x4242, edns).ToArray();
                    var want = left.Exchange(query);
                    var got = right.Exchange(query);
                    if (!want.AsSpan().SequenceEqual(got))
                        Assert.Fail($"{name} {type} DO={edns is not null}: answers differ\nexpected {Convert.ToHexString(want)}\nactual   {Convert.ToHexString(got)}");
                }
            }
        }
    }

    /// <summary>Every owner name, its parent, a name below it, and a wildcard match below it.</summary>
    private static IEnumerable<DnsName> QueryNames(ZoneSnapshot zone)
    {
        var seen = new HashSet<DnsName>();
        foreach (var owner in zone.Records().Select(r => r.Name))
        {
            var candidates = new[] { owner, owner.Parent(), DnsName.Parse("nx", owner), DnsName.Parse("a.b", owner) };
            foreach (var name in candidates.Where(n => n.IsSubdomainOf(zone.Origin) && !n.IsWildcard && n.WireLength < 250))
            {
                if (seen.Add(name))
                    yield return name;
            }
        }
    }
}
