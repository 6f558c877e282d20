using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Journal;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Outbound;

/// <summary>The IXFR journal kept by imports of authoritative zones: stored with the import, bounded, oldest dropped first.</summary>
public sealed class ZoneJournalTests
{
    private static readonly DnsName Origin = DnsName.Parse("journal.example.");

    [Fact]
    public async Task Import_WithANewerSerial_StoresTheDiffFromTheStoredVersion()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);
        await store.ImportAsync(Origin, Version(1));

        await store.ImportAsync(Origin, Version(2, "added"));

        var entry = Assert.Single(await Journal(temp));
        Assert.Equal((1L, 2L), (entry.FromSerial, entry.ToSerial));
        Assert.Equal(entry.Data.Length, entry.Size);
        var diff = JournalDiffCodec.Decode(entry.Data);
        var expected = ZoneSnapshotDiff.Compute(Snapshot(Version(1)), Snapshot(Version(2, "added")));
        Assert.Equal(Text(expected.Added), Text(diff.Added));
        Assert.Equal(Text(expected.Deleted), Text(diff.Deleted));
        Assert.Equal(["added.journal.example.\t300\tIN\tA\t192.0.2.1"], Text(diff.Added));
        Assert.Equal((1u, 2u), (diff.OldSerial, diff.NewSerial));
    }

    [Fact]
    public async Task Imports_InARow_ChainTheirDiffs()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);
        await store.ImportAsync(Origin, Version(1));

        await store.ImportAsync(Origin, Version(2, "a"));
        await store.ImportAsync(Origin, Version(3, "b"));

        Assert.Equal([(1L, 2L), (2L, 3L)], (await Journal(temp)).Select(e => (e.FromSerial, e.ToSerial)));
    }

    [Theory]
    [InlineData(5u)]
    [InlineData(3u)]
    public async Task Import_WithTheSameOrAnOlderSerial_EmptiesTheJournal(uint serial)
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);
        await store.ImportAsync(Origin, Version(4));
        await store.ImportAsync(Origin, Version(5, "a"));

        var result = await store.ImportAsync(Origin, Version(serial, "b"));

        Assert.True(result.Succeeded);
        Assert.Empty(await Journal(temp));
    }

    [Fact]
    public async Task Journal_OverItsBound_DropsTheOldestEntriesFirst()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp, maxBytes: 2000);
        await store.ImportAsync(Origin, Version(1));

        for (uint serial = 2; serial <= 30; serial++)
            await store.ImportAsync(Origin, Version(serial, $"host-{serial}", hosts: (int)serial));

        var entries = await Journal(temp);
        Assert.InRange(entries.Sum(e => e.Size), 1, 2000);
        Assert.True(entries.Count < 29, $"{entries.Count} entries kept");
        Assert.Equal(30L, entries[^1].ToSerial);
        Assert.Equal(Enumerable.Range((int)entries[0].FromSerial, entries.Count).Select(s => ((long)s, (long)s + 1)),
            entries.Select(e => (e.FromSerial, e.ToSerial)));
    }

    [Fact]
    public async Task Diff_LargerThanTheWholeBound_EmptiesTheJournal()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp, maxBytes: 300);
        await store.ImportAsync(Origin, Version(1));
        await store.ImportAsync(Origin, Version(2, "small"));

        await store.ImportAsync(Origin, Version(3, "big", hosts: 500));

        Assert.Empty(await Journal(temp));
    }

    [Fact]
    public async Task Journal_IsGoneWithItsZone()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);
        await store.ImportAsync(Origin, Version(1));
        await store.ImportAsync(Origin, Version(2, "a"));

        await store.RemoveAsync(Origin);

        Assert.Empty(await Journal(temp));
    }

    [Fact]
    public async Task Import_RaisesZoneImported_AfterItCommitted()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);
        var seen = new List<(DnsName Zone, long Stored)>();
        store.ZoneImported += zone => seen.Add((zone, store.ListAsync().GetAwaiter().GetResult().Single().Serial));

        await store.ImportAsync(Origin, Version(9));

        Assert.Equal([(Origin, 9L)], seen);
    }

    internal static ZoneStore Store(TempStore temp, long maxBytes = 1 << 20) =>
        new(temp.Contexts, TimeProvider.System, NullLogger<ZoneStore>.Instance, new JournalOptions { MaxBytesPerZone = maxBytes });

    /// <summary>A small zone at <paramref name="serial"/>, with an A record named <paramref name="extra"/> and <paramref name="hosts"/> more.</summary>
    internal static List<DnsRecord> Version(uint serial, string? extra = null, int hosts = 0, DnsName? origin = null)
    {
        origin ??= Origin;
        var records = GeneratedZone.Create(origin, 10, serial);
        if (extra is not null)
            records.Add(new DnsRecord(DnsName.Parse(extra, origin), 300, new AData(System.Net.IPAddress.Parse("192.0.2.1"))));
        for (int i = 0; i < hosts; i++)
            records.Add(new DnsRecord(DnsName.Parse($"extra{i}", origin), 300, new TxtData($"host number {i} of {serial}")));
        return records;
    }

    private static ZoneSnapshot Snapshot(List<DnsRecord> records) => ZoneSnapshot.Build(Origin, records).Snapshot!;

    private static List<string> Text(IEnumerable<DnsRecord> records) => records.Select(r => r.ToString()).Order(StringComparer.Ordinal).ToList();

    private static async Task<List<ZoneJournalEntry>> Journal(TempStore temp)
    {
        await using var context = temp.CreateContext();
        return await context.ZoneJournal.OrderBy(e => e.Id).ToListAsync();
    }
}
