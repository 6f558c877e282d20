using System.Net;
using BenchmarkDotNet.Attributes;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Records;

namespace SecondaryPortal.Dns.Benchmarks;

/// <summary>
/// The zone page's record table on a 1,000,000-record zone: building the index once per zone version (from the
/// served snapshot), then one page per request with and without filters, as <see cref="ZoneRecordBrowser"/> serves it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class RecordBrowserBenchmarks
{
    private ZoneSnapshot _snapshot = null!;
    private ZoneRecordIndex _index = null!;

    [GlobalSetup]
    public void Setup()
    {
        var origin = DnsName.Parse("bench.example.");
        var records = new List<DnsRecord>(1_000_000)
        {
            new(origin, 3600, new SoaData(DnsName.Parse("ns1", origin), DnsName.Parse("hostmaster", origin), 1, 7200, 900, 1209600, 300)),
            new(origin, 3600, new NsData(DnsName.Parse("ns1", origin))),
        };
        for (int i = 0; records.Count < 1_000_000; i++)
        {
            var host = DnsName.Parse($"host{i}", origin);
            records.Add(new DnsRecord(host, 300, new AData(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]))));
            if (i % 4 == 0)
                records.Add(new DnsRecord(host, 300, new AaaaData(IPAddress.Parse($"2001:db8::{i & 0xffff:x}"))));
            if (i % 10 == 0)
                records.Add(new DnsRecord(host, 300, new TxtData($"v=spf1 host {i} -all")));
        }
        _snapshot = ZoneSnapshot.Build(origin, records).Snapshot!;
        _index = ZoneRecordIndex.Build(_snapshot);
    }

    [Benchmark(Description = "index a 1M-record snapshot (once per zone version)")]
    public int BuildIndex() => ZoneRecordIndex.Build(_snapshot).Count;

    [Benchmark(Description = "first page, no filter")]
    public int FirstPage() => _index.Page(new RecordQuery(PageSize: 50)).Rows.Count;

    [Benchmark(Description = "page 10,000, no filter")]
    public int DeepPage() => _index.Page(new RecordQuery(Page: 10_000, PageSize: 50)).Rows.Count;

    [Benchmark(Description = "type filter TXT, page 1,000")]
    public int TypeFilter() => _index.Page(new RecordQuery(Type: RecordType.TXT, Page: 1_000, PageSize: 50)).Rows.Count;

    [Benchmark(Description = "name filter 'host12345' (few matches)")]
    public int RareName() => _index.Page(new RecordQuery(NameContains: "host12345", PageSize: 50)).TotalMatches;

    [Benchmark(Description = "name filter 'host1' (~110,000 matches), page 100")]
    public int CommonName() => _index.Page(new RecordQuery(NameContains: "host1", Page: 100, PageSize: 50)).TotalMatches;

    [Benchmark(Description = "name + type filter 'host2' AAAA")]
    public int NameAndType() => _index.Page(new RecordQuery(NameContains: "host2", Type: RecordType.AAAA, PageSize: 50)).TotalMatches;
}
