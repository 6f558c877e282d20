using System.Diagnostics;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Zones;

public sealed class ZoneStoreTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("Example.COM.");

    [Fact]
    public async Task Import_OfAValidZone_StoresItUnderItsLowercaseOrigin()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();

        var result = await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 20, serial: 7));

        Assert.Equal(ZoneImportStatus.Imported, result.Status);
        Assert.Equal((7u, 20), (result.Serial, result.RecordCount));
        var zone = Assert.Single(await store.ListAsync());
        Assert.Equal(("example.com.", ZoneKind.Authoritative, 7u, 20), (zone.Origin, zone.Kind, zone.Serial, zone.RecordCount));
    }

    [Fact]
    public async Task Import_OfAnExistingZone_ReplacesEveryRecord()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 50, serial: 1));
        var replacement = GeneratedZone.Create(Origin, 10, serial: 2);

        var result = await store.ImportAsync(Origin, replacement);

        Assert.True(result.Succeeded);
        var exported = await store.ExportAsync(Origin);
        Assert.Equal(SortedText(replacement), SortedText(exported.Records));
        Assert.Equal(2u, Assert.Single(await store.ListAsync()).Serial);
    }

    [Fact]
    public async Task Import_OfAnInvalidZone_IsRejectedWithItsErrorsAndTheStoredZoneStays()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        var original = GeneratedZone.Create(Origin, 30, serial: 5);
        await store.ImportAsync(Origin, original);
        long versionBefore = await store.GetChangeVersionAsync();
        var withoutSoa = GeneratedZone.Create(Origin, 30, serial: 6).Where(r => r.Type != RecordType.SOA).ToList();

        var result = await store.ImportAsync(Origin, withoutSoa);

        Assert.Equal(ZoneImportStatus.Invalid, result.Status);
        Assert.NotEmpty(result.Errors);
        Assert.Contains("unchanged", result.Message, StringComparison.Ordinal);
        Assert.Equal(SortedText(original), SortedText((await store.ExportAsync(Origin)).Records));
        Assert.Equal(5u, Assert.Single(await store.ListAsync()).Serial);
        Assert.Equal(versionBefore, await store.GetChangeVersionAsync());
    }

    [Fact]
    public async Task Export_ThroughTheZoneFileWriter_ParsesBackToTheSameRecords()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        var origin = DnsName.Parse("interop.example.");
        var records = ZoneFileParser.LoadFile(Path.Combine(AppContext.BaseDirectory, "testdata", "zones", "interop.example.zone"), origin);
        await store.ImportAsync(origin, records);

        var exported = await store.ExportAsync(origin);
        string text = ZoneFileWriter.ToText(exported.Records, origin);
        var reparsed = ZoneFileParser.Parse(text, origin);

        Assert.True(exported.Found);
        Assert.Equal(SortedText(records), SortedText(reparsed));
        Assert.Contains(reparsed, r => r.Name.ToString() == "WeB-Mixed.interop.example."); // case kept
    }

    [Fact]
    public async Task Export_OfAZoneNotStored_SaysSo()
    {
        using var temp = await TempStore.CreateMigratedAsync();

        var result = await temp.CreateZoneStore().ExportAsync(Origin);

        Assert.False(result.Found);
        Assert.Empty(result.Records);
        Assert.Contains("example.com.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_DeletesTheZoneAndAdvancesTheChangeVersion()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 10));
        long before = await store.GetChangeVersionAsync();

        bool removed = await store.RemoveAsync(Origin);

        Assert.True(removed);
        Assert.Empty(await store.ListAsync());
        Assert.True(await store.GetChangeVersionAsync() > before);
        Assert.Equal(ZoneLoadStatus.NotFound, (await store.LoadAsync(Origin)).Status);
        Assert.False(await store.RemoveAsync(Origin));
    }

    [Fact]
    public async Task ChangeVersion_GrowsWithEveryImportAndIsTheZonesVersion()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        Assert.Equal(0, await store.GetChangeVersionAsync());

        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 5, serial: 1));
        long first = await store.GetChangeVersionAsync();
        await store.ImportAsync(DnsName.Parse("other.example."), GeneratedZone.Create(DnsName.Parse("other.example."), 5));
        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 5, serial: 2));
        long third = await store.GetChangeVersionAsync();

        Assert.True(first > 0);
        Assert.Equal(first + 2, third);
        Assert.Equal(third, (await store.ListAsync()).Single(z => z.Origin == "example.com.").Version);
    }

    [Fact]
    public async Task Load_BuildsTheSnapshotOfTheStoredRecords()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        var records = GeneratedZone.Create(Origin, 40, serial: 9);
        await store.ImportAsync(Origin, records);

        var loaded = await store.LoadAsync(Origin);

        Assert.Equal(ZoneLoadStatus.Loaded, loaded.Status);
        Assert.NotNull(loaded.Snapshot);
        Assert.Equal(9u, loaded.Snapshot.Serial);
        Assert.Equal(SortedText(records), SortedText(loaded.Snapshot.Records()));
        Assert.Equal(await store.GetChangeVersionAsync(), loaded.Version);
    }

    [Fact]
    public async Task Load_WhileAnotherProcessIsWriting_ReadsTheCommittedZoneWithoutWaiting()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 10, serial: 1));
        using var writer = temp.OpenRawConnection();
        using var writing = writer.BeginTransaction(deferred: false); // holds the write lock, as an import does
        using (var command = writer.CreateCommand())
        {
            command.Transaction = writing;
            command.CommandText = """UPDATE "Zones" SET "Serial" = 99""";
            command.ExecuteNonQuery();
        }

        var loaded = await store.LoadAsync(Origin).WaitAsync(TimeSpan.FromSeconds(5));
        var exported = await store.ExportAsync(Origin).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1u, loaded.Snapshot?.Serial);
        Assert.Equal(10, exported.Records.Count);
    }

    [Fact]
    public async Task Load_OfRowsThatDoNotDecode_IsInvalidNotAnException()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 10));
        using (var connection = temp.OpenRawConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """UPDATE "ZoneRecords" SET "Owner" = x'4000' """;
            command.ExecuteNonQuery();
        }

        var loaded = await store.LoadAsync(Origin);

        Assert.Equal(ZoneLoadStatus.Invalid, loaded.Status);
        Assert.Null(loaded.Snapshot);
        Assert.DoesNotContain("Exception", loaded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAndLoad_OfAHundredThousandRecords_ArePrinted()
    {
        // Printed, not asserted (shared CI machine). 1,000,000 records: set SP_STORE_TIMING_RECORDS=1000000.
        int count = int.TryParse(Environment.GetEnvironmentVariable("SP_STORE_TIMING_RECORDS"), out int n) ? n : 100_000;
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        var records = GeneratedZone.Create(Origin, count);

        var import = Stopwatch.StartNew();
        var imported = await store.ImportAsync(Origin, records);
        import.Stop();
        var load = Stopwatch.StartNew();
        var loaded = await store.LoadAsync(Origin);
        load.Stop();

        Assert.True(imported.Succeeded);
        Assert.Equal(count, loaded.Snapshot?.RecordCount);
        output.WriteLine($"{count:N0} records: import (build + store) {import.ElapsedMilliseconds} ms, load (read + decode + build) {load.ElapsedMilliseconds} ms");
    }

    private static List<string> SortedText(IEnumerable<DnsRecord> records) =>
        records.Select(r => r.ToString()).Order(StringComparer.Ordinal).ToList();
}
