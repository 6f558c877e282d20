using System.Diagnostics;
using System.Globalization;
using System.Text;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Benchmarks;

/// <summary>
/// Loads a generated zone of N records into a <see cref="ZoneSnapshot"/> and reports the time taken and
/// the memory held afterwards (managed heap and the process's PSS), to compare with NSD, Knot and BIND
/// holding the same zone. Run: <c>dotnet run -c Release --project bench/Engine.Dns.Benchmarks -- zone-load 1000000</c>.
/// </summary>
public static class ZoneLoadMeasurement
{
    public static void Run(int records)
    {
        var origin = DnsName.Parse("bench.example.");
        string path = Path.Combine(Path.GetTempPath(), $"zone-load-{records}.zone");
        WriteZone(path, records);
        Report("before load", null);
        var clock = Stopwatch.StartNew();
        var result = ZoneSnapshot.Build(origin, ZoneFileParser.ReadFile(path, origin));
        var elapsed = clock.Elapsed;
        var snapshot = result.Snapshot ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
        Console.WriteLine($"parsed and built {snapshot.RecordCount:N0} records, {snapshot.NodeCount:N0} names in {elapsed.TotalSeconds:F2} s");
        Report("after load", snapshot);
        File.Delete(path);
        GC.KeepAlive(snapshot);
    }

    /// <summary>
    /// The zone dnsperf's query mix expects: per host an A, every 4th an AAAA, every 10th a TXT, every 100th
    /// a delegation with glue, a wildcard; about <paramref name="records"/> records in all.
    /// </summary>
    internal static void WriteZone(string path, int records)
    {
        using var writer = new StreamWriter(path, false, Encoding.ASCII, 1 << 16);
        writer.WriteLine("$TTL 3600");
        writer.WriteLine("@ SOA ns1 hostmaster 1 7200 900 1209600 300");
        writer.WriteLine("@ NS ns1");
        writer.WriteLine("ns1 A 192.0.2.1");
        writer.WriteLine("* A 192.0.2.2");
        int written = 4;
        for (int i = 0; written < records; i++)
        {
            string host = "host" + i.ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"{host} A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}");
            written++;
            if (i % 4 == 0)
            {
                writer.WriteLine($"{host} AAAA 2001:db8::{i & 0xFFFF:x}");
                written++;
            }
            if (i % 10 == 0)
            {
                writer.WriteLine($"{host} TXT \"v=spf1 ip4:10.0.0.0/8 -all\"");
                written++;
            }
            if (i % 100 == 0)
            {
                writer.WriteLine($"sub{i} NS ns.sub{i}");
                writer.WriteLine($"ns.sub{i} A 192.0.2.{i % 250 + 1}");
                written += 2;
            }
        }
    }

    private static void Report(string stage, ZoneSnapshot? snapshot)
    {
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        long compacted = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"{stage}: managed heap {heap / 1048576.0:F1} MiB ({compacted / 1048576.0:F1} MiB after an aggressive collection), "
            + $"process PSS {Pss() / 1024.0:F1} MiB, RSS {Environment.WorkingSet / 1048576.0:F1} MiB"
            + (snapshot is null ? "" : $", {(double)compacted / snapshot.RecordCount:F0} bytes per record"));
    }

    /// <summary>Proportional set size in KiB, from /proc/self/smaps_rollup (Linux).</summary>
    private static long Pss()
    {
        foreach (var line in File.ReadLines("/proc/self/smaps_rollup"))
        {
            if (line.StartsWith("Pss:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        return 0;
    }
}
