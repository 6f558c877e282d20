using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Secondary;

/// <summary>How transfers reach the store: an IXFR touches only its rows; a drifted copy is rewritten whole.</summary>
public sealed class TransferStorageTests
{
    private static readonly DnsName Origin = DnsName.Parse("rows.example.");

    [Fact]
    public async Task Ixfr_DeletesAndInsertsOnlyTheChangedRows_AndKeepsTheOthersUntouched()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        var zone = GeneratedZone.Create(Origin, 1000, serial: 1);
        await repository.SaveTransferAsync(Build(zone), null, state, [], [], 200);
        var idsBefore = RowIds(temp);
        var deleted = zone[10];
        var added = new DnsRecord(DnsName.Parse("new", Origin), 300, new AData(IPAddress.Parse("192.0.2.77")));
        var diff = new ZoneDiff(zone[0], Soa(2), [WithOtherCase(deleted)], [added]);
        Assert.True(ZoneDiff.TryApply(zone, [diff], out var applied, out _));

        var version = await repository.SaveTransferAsync(Build(applied), [diff], state, [], [], 200);

        var idsAfter = RowIds(temp);
        Assert.NotNull(version);
        Assert.Equal(idsBefore.Count, idsAfter.Count); // one out, one in
        Assert.Equal(idsBefore.Count - 1, idsBefore.Intersect(idsAfter).Count());
        var loaded = await temp.CreateZoneStore().LoadAsync(Origin);
        Assert.Equal(2u, loaded.Snapshot!.Serial);
        Assert.Equal(version, loaded.Version);
        var records = loaded.Snapshot.Records().ToList();
        Assert.Contains(added, records);
        Assert.DoesNotContain(records, r => r.Name.Equals(deleted.Name) && r.Data.Equals(deleted.Data));
    }

    [Fact]
    public async Task Ixfr_DeletingARecordTheStoreLacks_RewritesEveryRow_AndStoresTheRightZone()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        var zone = GeneratedZone.Create(Origin, 100, serial: 1);
        await repository.SaveTransferAsync(Build(zone), null, state, [], [], 200);
        var idsBefore = RowIds(temp);
        var stranger = new DnsRecord(DnsName.Parse("never-stored", Origin), 300, new AData(IPAddress.Parse("192.0.2.1")));
        var next = zone.Skip(1).Prepend(new DnsRecord(Origin, 3600, Soa(2).Data)).ToList();
        var diff = new ZoneDiff(zone[0], Soa(2), [stranger], []);

        await repository.SaveTransferAsync(Build(next), [diff], state, [], [], 200);

        Assert.Empty(idsBefore.Intersect(RowIds(temp)));
        var loaded = await temp.CreateZoneStore().LoadAsync(Origin);
        Assert.Equal(2u, loaded.Snapshot!.Serial);
        Assert.Equal(100, loaded.Snapshot.RecordCount);
    }

    [Fact]
    public async Task Ixfr_WhoseSoaOwnerDiffersInCaseFromTheStoredOne_RewritesTheOneSoaRow()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        var zone = GeneratedZone.Create(Origin, 50, serial: 1);
        zone[0] = WithOtherCase(zone[0]); // stored as ROWS.EXAMPLE.
        await repository.SaveTransferAsync(Build(zone), null, state, [], [], 200);
        var added = new DnsRecord(DnsName.Parse("new", Origin), 300, new AData(IPAddress.Parse("192.0.2.77")));
        var diff = new ZoneDiff(zone[0], Soa(2), [], [added]);
        Assert.True(ZoneDiff.TryApply(zone, [diff], out var applied, out _));

        await repository.SaveTransferAsync(Build(applied), [diff], state, [], [], 200);

        var loaded = await temp.CreateZoneStore().LoadAsync(Origin);
        Assert.Equal(2u, loaded.Snapshot!.Serial);
        Assert.Single(loaded.Snapshot.Records(), r => r.Type == RecordType.SOA);
        Assert.Contains(added, loaded.Snapshot.Records());
    }

    [Fact]
    public async Task TransferLog_KeepsOnlyTheNewestLinesOfAZone()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        for (int i = 0; i < 12; i++)
        {
            var line = new TransferLogEntry { ZoneId = state.ZoneId, Primary = "192.0.2.1:53", Kind = TransferLogKind.UpToDate, Serial = i, At = DateTimeOffset.UnixEpoch };
            Assert.True(await repository.SaveStateAsync(state, [line], [], logLimit: 5));
        }

        await using var context = temp.CreateContext();
        var kept = context.TransferLog.Where(l => l.ZoneId == state.ZoneId).OrderBy(l => l.Id).Select(l => l.Serial).ToList();
        Assert.Equal([7L, 8L, 9L, 10L, 11L], kept.Select(s => s!.Value));
    }

    private static Task<(SecondaryZoneRepository Repository, SecondaryZoneState State)> AddZoneAsync(TempStore temp) =>
        StoredSecondaryZone.AddAsync(temp, Origin);

    private static ZoneSnapshot Build(IEnumerable<DnsRecord> records) => ZoneSnapshot.Build(Origin, records).Snapshot!;

    private static DnsRecord Soa(uint serial) =>
        new(Origin, 3600, new SoaData(DnsName.Parse("ns1", Origin), DnsName.Parse("hostmaster", Origin), serial, 7200, 900, 1209600, 300));

    /// <summary>The same record with its owner in upper case: a primary may send either (RFC 4343).</summary>
    private static DnsRecord WithOtherCase(DnsRecord record) => record with { Name = DnsName.Parse(record.Name.ToString().ToUpperInvariant()) };

    private static List<long> RowIds(TempStore temp)
    {
        using var connection = temp.OpenRawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "ZoneRecords" ORDER BY "Id" """;
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
            ids.Add(reader.GetInt64(0));
        return ids;
    }
}
