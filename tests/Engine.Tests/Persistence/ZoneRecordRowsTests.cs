using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Persistence;

public sealed class ZoneRecordRowsTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("Rows.Example.");

    [Fact]
    public async Task Rows_WrittenAndReadBack_AreTheSameRecordsInTheSameOrder()
    {
        using var store = new TempStore();
        await store.Migrator.MigrateAsync();
        var records = GeneratedZone.Create(Origin, 500);
        records.Add(new DnsRecord(DnsName.Parse("MiXeD.rows.example."), DnsClass.CH, 0, new UnknownData((RecordType)65280, [1, 2, 3])));
        records.Add(new DnsRecord(DnsName.Parse("svc.rows.example."), 60, RecordData.Parse(RecordType.SRV, "0 5 443 Target.rows.example.")));

        long zoneId = await WriteAsync(store, records);
        var read = await ReadAsync(store, zoneId);

        Assert.Equal(records, read);
        Assert.True(records.Zip(read).All(pair => pair.First.Name.EqualsCaseSensitive(pair.Second.Name)), "owner case kept");
        Assert.Equal("Target.rows.example.", ((SrvData)read[^1].Data).Target.ToString());
    }

    [Fact]
    public async Task Rows_ThatDoNotDecode_RaiseInvalidData()
    {
        using var store = new TempStore();
        await store.Migrator.MigrateAsync();
        long zoneId = await WriteAsync(store, GeneratedZone.Create(Origin, 10));
        using (var connection = store.OpenRawConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """UPDATE "ZoneRecords" SET "Data" = x'0A00' WHERE "Type" = 1""";
            command.ExecuteNonQuery();
        }

        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(store, zoneId));
    }

    [Fact]
    public async Task Rows_OfAHundredThousandRecords_WriteAndReadWithinSeconds()
    {
        int count = int.TryParse(Environment.GetEnvironmentVariable("SP_STORE_TIMING_RECORDS"), out int n) ? n : 100_000;
        using var store = new TempStore();
        await store.Migrator.MigrateAsync();
        var records = GeneratedZone.Create(Origin, count);

        var write = Stopwatch.StartNew();
        long zoneId = await WriteAsync(store, records);
        write.Stop();
        var read = Stopwatch.StartNew();
        var loaded = await ReadAsync(store, zoneId);
        read.Stop();

        Assert.Equal(count, loaded.Count);
        output.WriteLine($"{count:N0} records: insert {write.ElapsedMilliseconds} ms, read and decode {read.ElapsedMilliseconds} ms, database {new FileInfo(store.DatabasePath).Length / 1024 / 1024} MiB (+WAL)");
    }

    private static async Task<long> WriteAsync(TempStore store, IEnumerable<DnsRecord> records)
    {
        await using var context = store.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync();
        var zone = new Zone { Origin = "rows.example.", Kind = ZoneKind.Authoritative };
        context.Zones.Add(zone);
        await context.SaveChangesAsync();
        ZoneRecordRows.Insert(context.Database.GetDbConnection(), transaction.GetDbTransaction(), zone.Id, records, CancellationToken.None);
        await transaction.CommitAsync();
        return zone.Id;
    }

    private static async Task<List<DnsRecord>> ReadAsync(TempStore store, long zoneId)
    {
        await using var context = store.CreateContext();
        await context.Database.OpenConnectionAsync();
        return ZoneRecordRows.Read(context.Database.GetDbConnection(), null, zoneId).ToList();
    }
}
