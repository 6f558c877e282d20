using System.Diagnostics;
using System.Text;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.Lookup;

[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>
/// A bounded version of bench/Engine.Dns.Benchmarks' zone-load measurement (1,000,000 records: 2.5 s,
/// 159 MiB managed heap, 202 MiB PSS for the whole process): 100,000 records, streamed from the parser,
/// must load quickly and be held in under 250 bytes each. Runs alone so that other tests' allocations do
/// not blur the heap figure.
/// </summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class ZoneLoadTests
{
    [Fact]
    public void HundredThousandRecords_LoadInSeconds_AndTakeLittleMemory()
    {
        const int Records = 100_000;
        var origin = DnsName.Parse("bench.example.");
        var builder = new StringBuilder("$TTL 3600\n@ SOA ns1 hm 1 2 3 4 300\n@ NS ns1\nns1 A 192.0.2.1\n");
        for (int i = 0; i < Records - 3; i++)
            builder.Append("host").Append(i).Append(" A 10.").Append((i >> 16) & 255).Append('.').Append((i >> 8) & 255).Append('.').Append(i & 255).Append('\n');
        string text = builder.ToString();
        builder.Clear();
        long before = GC.GetTotalMemory(forceFullCollection: true);

        var clock = Stopwatch.StartNew();
        var zone = ZoneSnapshot.Build(origin, ZoneFileParser.Read(new StringReader(text), "bench", origin)).Snapshot!;
        var elapsed = clock.Elapsed;
        long after = GC.GetTotalMemory(forceFullCollection: true);

        Assert.Equal(Records, zone.RecordCount);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"parsed and built in {elapsed.TotalSeconds:F2} s");
        double perRecord = (after - before) / (double)Records;
        Assert.True(perRecord < 250, $"{perRecord:F0} bytes per record");
        GC.KeepAlive(text);
        GC.KeepAlive(zone);
    }
}
