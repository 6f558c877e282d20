using System.Globalization;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Benchmarks;

/// <summary>
/// What query counting adds to <see cref="AuthoritativeRequestHandler.Handle"/>: off, on without client regions,
/// on with five client networks (the socket address scanned), for a hit and for a random-subdomain NXDOMAIN
/// (a new name each time, 65,536 in rotation: the top-name sketches churn).
/// </summary>
[MemoryDiagnoser]
public class QueryCountingBenchmarks
{
    private readonly byte[] _response = new byte[1232];
    private AuthoritativeRequestHandler _handler = null!;
    private DnsRequestContext _context;
    private byte[] _hit = [];
    private byte[][] _random = [];
    private int _next;

    /// <summary>Off, On (no client regions) or Regions (five networks).</summary>
    [Params("Off", "On", "Regions")]
    public string Counting { get; set; } = "Off";

    [GlobalSetup]
    public void Setup()
    {
        var origin = DnsName.Parse("bench.example.");
        var text = new StringBuilder("$TTL 3600\n@ SOA ns1 hm 1 2 3 4 300\n@ NS ns1\nns1 A 192.0.2.1\n");
        for (int i = 0; i < 10_000; i++)
            text.Append(CultureInfo.InvariantCulture, $"host{i} A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n");
        var zones = new ZoneTable();
        zones.Publish(ZoneSnapshot.Build(origin, ZoneFileParser.Parse(text.ToString(), origin)).Snapshot!);
        var options = new ResponderOptions { CountQueries = Counting != "Off" };
        var counting = new QueryCountingOptions
        {
            ClientRegions = Counting == "Regions"
                ? ClientRegionMap.Create(
                [
                    new("10.0.0.0/8", "corp"), new("172.16.0.0/12", "corp"), new("192.0.2.0/24", "emea"),
                    new("198.51.100.0/24", "apac"), new("2001:db8::/32", "apac"),
                ])
                : ClientRegionMap.Empty,
        };
        _handler = new AuthoritativeRequestHandler(zones, options, new QueryCounters(counting));
        _context = new DnsRequestContext(DnsTransport.Udp, new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5353).Serialize());
        _hit = Query("host4242.bench.example.");
        var random = new Random(1);
        _random = Enumerable.Range(0, 65_536).Select(_ => Query($"{random.Next():x8}.bench.example.")).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int Hit() => _handler.Handle(_hit, _response, _context);

    [Benchmark]
    public int RandomSubdomain() => _handler.Handle(_random[_next++ & 0xFFFF], _response, _context);

    private static byte[] Query(string name) =>
        DnsMessage.CreateQuery(DnsName.Parse(name), RecordType.A, 0x1234, new Edns { UdpPayloadSize = 1232 }).ToArray();
}
