using System.Globalization;
using System.Net.Sockets;
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
/// <see cref="AuthoritativeRequestHandler.Handle"/> from request bytes to response bytes, no sockets, on a
/// 100,000-record zone: the CPU the responder itself spends per query, for each kind of answer.
/// </summary>
[MemoryDiagnoser]
public class ResponderBenchmarks
{
    private readonly byte[] _response = new byte[1232];
    private AuthoritativeRequestHandler _handler = null!;
    private DnsRequestContext _context;
    private byte[] _hit = [];
    private byte[] _nxdomain = [];
    private byte[] _nodata = [];
    private byte[] _wildcard = [];
    private byte[] _referral = [];

    [GlobalSetup]
    public void Setup()
    {
        var origin = DnsName.Parse("bench.example.");
        var text = new StringBuilder("$TTL 3600\n@ SOA ns1 hm 1 2 3 4 300\n@ NS ns1\nns1 A 192.0.2.1\n*.wild A 192.0.2.2\n");
        for (int i = 0; i < 100_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"host{i} A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n");
            if (i % 100 == 0)
                text.Append(CultureInfo.InvariantCulture, $"sub{i} NS ns.sub{i}\nns.sub{i} A 192.0.2.3\n");
        }
        var zones = new ZoneTable();
        zones.Publish(ZoneSnapshot.Build(origin, ZoneFileParser.Parse(text.ToString(), origin)).Snapshot!);
        var options = new ResponderOptions();
        _handler = new AuthoritativeRequestHandler(zones, options, new QueryCounters());
        _context = new DnsRequestContext(DnsTransport.Udp, new System.Net.SocketAddress(AddressFamily.InterNetwork));
        _hit = Query("host4242.bench.example.", RecordType.A);
        _nxdomain = Query("nohost.bench.example.", RecordType.A);
        _nodata = Query("host4242.bench.example.", RecordType.MX);
        _wildcard = Query("anything.wild.bench.example.", RecordType.A);
        _referral = Query("www.sub4200.bench.example.", RecordType.A);
    }

    [Benchmark(Baseline = true)]
    public int Hit() => _handler.Handle(_hit, _response, _context);

    [Benchmark]
    public int NxDomain() => _handler.Handle(_nxdomain, _response, _context);

    [Benchmark]
    public int NoData() => _handler.Handle(_nodata, _response, _context);

    [Benchmark]
    public int Wildcard() => _handler.Handle(_wildcard, _response, _context);

    [Benchmark]
    public int Referral() => _handler.Handle(_referral, _response, _context);

    private static byte[] Query(string name, RecordType type) =>
        DnsMessage.CreateQuery(DnsName.Parse(name), type, 0x1234, new Edns { UdpPayloadSize = 1232 }).ToArray();
}
