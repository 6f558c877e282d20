using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Secondary;

/// <summary>
/// How a refresh's outcome reaches the store (written with plain ADO.NET, read by the portal through EF Core): every
/// value reads back as written, times are the text EF writes, and what operators ask for meanwhile is kept.
/// </summary>
public sealed class RefreshOutcomeStorageTests
{
    private static readonly DnsName Origin = DnsName.Parse("outcome.example.");
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, 123, TimeSpan.FromHours(2));

    [Fact]
    public async Task SavedState_ReadsBackThroughEf_FieldForField()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        Fill(state);

        Assert.True(await repository.SaveStateAsync(state, [], [], 200));

        await using var context = temp.CreateContext();
        var stored = await context.SecondaryZoneStates.AsNoTracking().SingleAsync();
        Assert.Equivalent(state, stored, strict: true);
    }

    [Fact]
    public async Task SavedLogLinesAndPrimarySerial_ReadBackThroughEf()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        long primaryId = await PrimaryIdAsync(temp);
        var failed = Line(state.ZoneId, TransferLogKind.Failed, serial: null) with { Error = "refused", Changes = null };
        var ixfr = Line(state.ZoneId, TransferLogKind.Ixfr, serial: 7) with { Added = 2, Removed = 1, Changes = "+ a\n- b" };

        await repository.SaveStateAsync(state, [failed.ToEntry(), ixfr.ToEntry()], [new PrimarySerial(primaryId, 4_000_000_000, Noon)], 200);

        await using var context = temp.CreateContext();
        var lines = (await context.TransferLog.AsNoTracking().OrderBy(l => l.Id).ToListAsync()).Select(LogLine.From).ToList();
        Assert.Equal([failed, ixfr], lines);
        var primary = await context.ZonePrimaries.AsNoTracking().SingleAsync();
        Assert.Equal((4_000_000_000L, Noon), (primary.LastSeenSerial, primary.LastSeenAt));
    }

    [Fact]
    public async Task SavedTimes_AreTheTextEfCoreWritesForTheSameValue()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        state.LastCheckAt = Noon;
        await repository.SaveStateAsync(state, [], [], 200);
        string ours = RawText(temp, """SELECT "LastCheckAt" FROM "SecondaryZoneStates" """);

        await using (var context = temp.CreateContext())
        {
            var tracked = await context.SecondaryZoneStates.SingleAsync();
            tracked.LastCheckAt = Noon.AddDays(1);
            await context.SaveChangesAsync();
            tracked.LastCheckAt = Noon;
            await context.SaveChangesAsync();
        }

        Assert.Equal(RawText(temp, """SELECT "LastCheckAt" FROM "SecondaryZoneStates" """), ours);
    }

    [Fact]
    public async Task SavingState_KeepsTheRefreshFullTransferAndPauseAnOperatorAskedForMeanwhile()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        Execute(temp, """UPDATE "SecondaryZoneStates" SET "RefreshRequest" = 3, "AxfrRequest" = 2, "Paused" = 1""");
        Fill(state);

        await repository.SaveStateAsync(state, [], [], 200);

        await using var context = temp.CreateContext();
        var stored = await context.SecondaryZoneStates.AsNoTracking().SingleAsync();
        Assert.Equal((3L, 2L, true), (stored.RefreshRequest, stored.AxfrRequest, stored.Paused));
        Assert.Equal((ZoneStatus.Active, "the last error"), (stored.Status, stored.LastError));
    }

    [Fact]
    public async Task AZoneWhoseStateRowWentMissing_GetsOneAgain()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        Execute(temp, """DELETE FROM "SecondaryZoneStates" """);
        Fill(state);

        Assert.True(await repository.SaveStateAsync(state, [], [], 200));

        await using var context = temp.CreateContext();
        Assert.Equivalent(state, await context.SecondaryZoneStates.AsNoTracking().SingleAsync(), strict: true);
    }

    [Fact]
    public async Task SavingTheStateOfAZoneRemovedMeanwhile_SaysSo_AndWritesNothing()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        Execute(temp, """DELETE FROM "Zones" """);

        bool saved = await repository.SaveStateAsync(state, [Line(state.ZoneId, TransferLogKind.UpToDate, 1).ToEntry()], [], 200);

        Assert.False(saved);
        Assert.Equal("0", RawText(temp, """SELECT COUNT(*) FROM "TransferLog" """));
    }

    [Fact]
    public async Task StoringATransferForAZoneRemovedMeanwhile_SaysSo_AndLeavesTheChangeVersionAsItWas()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        var snapshot = ZoneSnapshot.Build(Origin, GeneratedZone.Create(Origin, 20, serial: 1)).Snapshot!;
        long before = await repository.SaveTransferAsync(snapshot, null, state, [], [], 200) ?? throw new InvalidOperationException("not stored");
        Execute(temp, """DELETE FROM "Zones" """);

        var version = await repository.SaveTransferAsync(snapshot, null, state, [], [], 200);

        Assert.Null(version);
        Assert.Equal(before.ToString(System.Globalization.CultureInfo.InvariantCulture), RawText(temp, """SELECT "ChangeVersion" FROM "StoreState" """));
    }

    [Fact]
    public async Task StoringATransfer_RecordsItsSerialSizeTimeAndVersionOnTheZoneRow()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var (repository, state) = await AddZoneAsync(temp);
        var snapshot = ZoneSnapshot.Build(Origin, GeneratedZone.Create(Origin, 20, serial: 3_000_000_000)).Snapshot!;

        var version = await repository.SaveTransferAsync(snapshot, null, state, [], [], 200);

        await using var context = temp.CreateContext();
        var zone = await context.Zones.AsNoTracking().SingleAsync();
        Assert.Equal((3_000_000_000L, 20, version), (zone.Serial, zone.RecordCount, (long?)zone.Version));
        Assert.InRange(zone.UpdatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
    }

    private static void Fill(SecondaryZoneState state)
    {
        state.Status = ZoneStatus.Active;
        state.ServedSerial = 4_000_000_000;
        (state.SoaRefresh, state.SoaRetry, state.SoaExpire) = (7200, 900, 1_209_600);
        state.LastCheckAt = Noon;
        state.LastSuccessAt = Noon.AddSeconds(1);
        state.LastTransferAt = Noon.AddSeconds(2);
        state.NextRefreshAt = Noon.AddHours(2);
        state.ExpiresAt = Noon.AddDays(14);
        state.LastError = "the last error";
    }

    /// <summary>A transfer log line's stored values, compared as a whole (the entity's Id is left out).</summary>
    private sealed record LogLine(long ZoneId, DateTimeOffset At, string Primary, TransferLogKind Kind, long? Serial, long Records, long Bytes,
        long DurationMs, string? Error, int Added, int Removed, string? Changes)
    {
        public TransferLogEntry ToEntry() => new()
        {
            ZoneId = ZoneId, At = At, Primary = Primary, Kind = Kind, Serial = Serial, Records = Records, Bytes = Bytes, DurationMs = DurationMs,
            Error = Error, Added = Added, Removed = Removed, Changes = Changes,
        };

        public static LogLine From(TransferLogEntry e) =>
            new(e.ZoneId, e.At, e.Primary, e.Kind, e.Serial, e.Records, e.Bytes, e.DurationMs, e.Error, e.Added, e.Removed, e.Changes);
    }

    private static LogLine Line(long zoneId, TransferLogKind kind, long? serial) =>
        new(zoneId, Noon, "192.0.2.1:53 key primary-key.", kind, serial, 12, 3456, 78, null, 0, 0, null);

    private static Task<(SecondaryZoneRepository Repository, SecondaryZoneState State)> AddZoneAsync(TempStore temp) =>
        StoredSecondaryZone.AddAsync(temp, Origin);

    private static async Task<long> PrimaryIdAsync(TempStore temp)
    {
        await using var context = temp.CreateContext();
        return (await context.ZonePrimaries.SingleAsync()).Id;
    }

    private static string RawText(TempStore temp, string sql)
    {
        using var connection = temp.OpenRawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static void Execute(TempStore temp, string sql)
    {
        using var connection = temp.OpenRawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
