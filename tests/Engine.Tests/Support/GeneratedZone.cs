using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Tests.Support;

/// <summary>Synthetic zones of a given size: an apex (SOA, NS, MX) and hosts with A, AAAA and TXT records.</summary>
public static class GeneratedZone
{
    public static List<DnsRecord> Create(DnsName origin, int recordCount, uint serial = 2024010101)
    {
        var records = new List<DnsRecord>(recordCount)
        {
            new(origin, 3600, new SoaData(DnsName.Parse("ns1", origin), DnsName.Parse("hostmaster", origin), serial, 7200, 900, 1209600, 300)),
            new(origin, 3600, new NsData(DnsName.Parse("ns1", origin))),
            new(origin, 3600, new MxData(10, DnsName.Parse("mail", origin))),
            new(DnsName.Parse("ns1", origin), 3600, new AData(IPAddress.Parse("192.0.2.53"))),
        };
        for (int i = 0; records.Count < recordCount; i++)
        {
            var host = DnsName.Parse($"host{i}", origin);
            records.Add(new DnsRecord(host, 300, new AData(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]))));
            if (records.Count < recordCount && i % 2 == 0)
                records.Add(new DnsRecord(host, 300, new AaaaData(IPAddress.Parse($"2001:db8::{i & 0xffff:x}"))));
            if (records.Count < recordCount && i % 5 == 0)
                records.Add(new DnsRecord(host, 300, new TxtData($"v=spf1 host {i} -all")));
        }
        return records;
    }
}
