using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Dns.Benchmarks;

/// <summary>
/// Times what a small IXFR costs the store before it is served: a secondary zone of N records in a fresh SQLite store,
/// then changes of one record each (a deletion, an addition, the SOA) stored as the transfer engine stores them, with two
/// log lines and the primary's serial. Reports the median, the 90th and 99th percentile and the worst.
/// Run: <c>dotnet run -c Release --project bench/Engine.Dns.Benchmarks -- ixfr-store 100000 300</c>.
/// </summary>
public static class IxfrStoreMeasurement
{
    private static readonly DnsName Origin = DnsName.Parse("store.example.");

    public static void Run(int records, int changes) => RunAsync(records, changes).GetAwaiter().GetResult();

    private static async Task RunAsync(int records, int changes)
    {
        string directory = Path.Combine(Path.GetTempPath(), "sp-ixfr-store-" + Guid.NewGuid().ToString("N"));
        try
        {
            var settings = StoreSettings.ForSqliteDirectory(directory);
            // The store as the server registers it (a pooled context factory).
            using var services = new ServiceCollection().AddEngineStore(settings).BuildServiceProvider();
            var contexts = services.GetRequiredService<IDbContextFactory<StoreDbContext>>();
            await new StoreMigrator(contexts, NullLogger<StoreMigrator>.Instance).MigrateAsync();
            var protector = new TsigSecretProtector(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(directory, "keys"))));
            var catalog = new SecondaryZoneCatalog(contexts, protector, TimeProvider.System, NullLogger<SecondaryZoneCatalog>.Instance);
            if (!(await catalog.AddAsync(Origin, [new IPEndPoint(IPAddress.Loopback, 53)])).Succeeded)
                throw new InvalidOperationException("the zone was not added");
            var repository = new SecondaryZoneRepository(contexts, protector, TimeProvider.System, NullLogger<SecondaryZoneRepository>.Instance);
            var definition = (await repository.LoadAllAsync()).Single();
            var state = definition.State;
            long primaryId = definition.Primaries[0].Id;

            var zone = Generate(records);
            var snapshot = ZoneSnapshot.Build(Origin, zone).Snapshot!;
            var clock = Stopwatch.StartNew();
            await repository.SaveTransferAsync(snapshot, null, state, [Line(state.ZoneId, TransferLogKind.Axfr, 1)], [], 200);
            Console.WriteLine($"initial store of {snapshot.RecordCount:N0} records: {clock.Elapsed.TotalSeconds:F2} s");

            var times = new List<double>(changes);
            var patchTimes = new List<double>(changes);
            int paused = 0;
            var soa = zone[0];
            for (uint serial = 2; serial < changes + 2; serial++)
            {
                var next = Soa(serial);
                var deleted = new DnsRecord(DnsName.Parse($"change{serial - 1}", Origin), 300, new AData(IPAddress.Parse("192.0.2.1")));
                var added = new DnsRecord(DnsName.Parse($"change{serial}", Origin), 300, new AData(IPAddress.Parse("192.0.2.1")));
                ZoneDiff diff = serial == 2 ? new(soa, next, [], [added]) : new(soa, next, [deleted], [added]);
                clock.Restart();
                snapshot = snapshot.Apply([diff]).Snapshot ?? throw new InvalidOperationException("the diff did not apply");
                patchTimes.Add(clock.Elapsed.TotalMilliseconds);
                soa = next;
                var log = new List<TransferLogEntry> { Line(state.ZoneId, TransferLogKind.SoaCheck, serial), Line(state.ZoneId, TransferLogKind.Ixfr, serial) };
                state.ServedSerial = serial;
                state.LastTransferAt = DateTimeOffset.UtcNow;
                var pausedBefore = GC.GetTotalPauseDuration();
                clock.Restart();
                await repository.SaveTransferAsync(snapshot, [diff], state, log, [new PrimarySerial(primaryId, serial, DateTimeOffset.UtcNow)], 200);
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (GC.GetTotalPauseDuration() > pausedBefore)
                    paused++;
            }
            Report("snapshot patches", patchTimes, null);
            Report("IXFR stores", times, paused);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Report(string what, List<double> times, int? paused)
    {
        var all = times.Order().ToList();
        // The first tens include the first runs of every method: reported apart, the steady state is what a running server sees.
        var steady = times.Skip(20).Order().ToList();
        string pauses = paused is null ? "" : $"; {paused} of them include a GC pause (this program patches the whole snapshot between stores)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{times.Count} {what}: first {times[0]:F2} ms; after the first 20: median {At(steady, 0.5):F2} ms, p90 {At(steady, 0.9):F2} ms, p99 {At(steady, 0.99):F2} ms, worst {steady[^1]:F2} ms (all: median {At(all, 0.5):F2} ms){pauses}"));
    }

    private static double At(List<double> sorted, double quantile) => sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];

    private static List<DnsRecord> Generate(int count)
    {
        var records = new List<DnsRecord>(count) { Soa(1), new(Origin, 3600, new NsData(DnsName.Parse("ns1", Origin))) };
        for (int i = 0; records.Count < count; i++)
            records.Add(new DnsRecord(DnsName.Parse($"host{i}", Origin), 300, new AData(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]))));
        return records;
    }

    private static DnsRecord Soa(uint serial) =>
        new(Origin, 3600, new SoaData(DnsName.Parse("ns1", Origin), DnsName.Parse("hostmaster", Origin), serial, 7200, 900, 1209600, 300));

    private static TransferLogEntry Line(long zoneId, TransferLogKind kind, uint serial) =>
        new() { ZoneId = zoneId, At = DateTimeOffset.UtcNow, Primary = "127.0.0.1:53", Kind = kind, Serial = serial, Records = 3, Bytes = 200, DurationMs = 1 };
}
