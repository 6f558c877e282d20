using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.Outbound;

/// <summary>Zones for the outgoing transfer tests, and comparisons of record lists.</summary>
internal static class OutboundZones
{
    public static readonly DnsName Origin = DnsName.Parse("xfr-out.example.");

    /// <summary>A small zone with names that compress, mixed case, a delegation and several types.</summary>
    public static string Text(uint serial, string extra = "") => $"""
        $ORIGIN xfr-out.example.
        $TTL 3600
        @        IN SOA ns1 hostmaster ( {serial} 7200 900 1209600 300 )
                 IN NS  ns1
                 IN NS  ns2.elsewhere.example.
                 IN MX  10 mail
        ns1      IN A   192.0.2.53
        mail     IN A   192.0.2.25
        Www      IN CNAME web
        web      IN A   192.0.2.80
                 IN AAAA 2001:db8::80
                 IN TXT "hello" "world"
        sub      IN NS  ns.sub
        ns.sub   IN A   192.0.2.99
        _sip._tcp IN SRV 10 60 5060 web
        {extra}
        """;

    public static ZoneSnapshot Snapshot(string text) => Build(ZoneFileParser.Parse(text, Origin));

    public static ZoneSnapshot Build(IEnumerable<DnsRecord> records, DnsName? origin = null)
    {
        var built = ZoneSnapshot.Build(origin ?? Origin, records);
        Assert.True(built.Succeeded, string.Join("; ", built.Errors));
        return built.Snapshot!;
    }

    /// <summary>A zone of <paramref name="hosts"/> A records and as many TXT records of <paramref name="textLength"/> octets.</summary>
    public static ZoneSnapshot Large(int hosts, uint serial = 1, int textLength = 0)
    {
        var records = new List<DnsRecord>
        {
            new(Origin, 3600, new SoaData(DnsName.Parse("ns1.xfr-out.example."), DnsName.Parse("hostmaster.xfr-out.example."), serial, 7200, 900, 1209600, 300)),
            new(Origin, 3600, new NsData(DnsName.Parse("ns1.xfr-out.example."))),
        };
        string text = new('x', textLength);
        for (int i = 0; i < hosts; i++)
        {
            var owner = DnsName.Parse($"host{i}", Origin);
            records.Add(new DnsRecord(owner, 300, new AData(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]))));
            if (textLength > 0)
                records.Add(new DnsRecord(owner, 300, new TxtData(text)));
        }
        return Build(records);
    }

    /// <summary>Records as sorted presentation lines (owner lowercased), for comparing zones whatever the order.</summary>
    public static List<string> Lines(IEnumerable<DnsRecord> records) =>
        records.Select(r => r with { Name = r.Name.ToLowerCase() }).Select(r => r.ToString()).Order(StringComparer.Ordinal).ToList();
}
