using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Journal;

/// <summary>
/// Keeps a zone's IXFR journal inside the transaction of the import that changes the zone: the new diff is added
/// when it continues the history, the oldest entries dropped until the zone's journal fits its bound.
/// </summary>
internal static class ZoneJournalWriter
{
    /// <summary>
    /// Records the change of zone <paramref name="zoneId"/> described by <paramref name="diff"/>, or clears the
    /// journal when <paramref name="diff"/> is null (the history is broken: a secondary must transfer the zone whole).
    /// </summary>
    public static async Task<JournalUpdate> RecordAsync(StoreDbContext context, long zoneId, ZoneDiff? diff, long maxBytes, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var data = diff is null ? null : JournalDiffCodec.Encode(diff);
        var entries = await context.ZoneJournal.Where(e => e.ZoneId == zoneId).OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.ToSerial, e.Size }).ToListAsync(cancellationToken);
        // A diff that does not start where the journal ends would make a chain with a hole in it.
        bool continues = entries.Count == 0 || entries[0].ToSerial == diff?.OldSerial;
        if (diff is null || data!.Length > maxBytes || !continues)
        {
            if (entries.Count > 0)
                await context.ZoneJournal.Where(e => e.ZoneId == zoneId).ExecuteDeleteAsync(cancellationToken);
            if (diff is null || data!.Length > maxBytes)
                return JournalUpdate.Cleared;
            entries.Clear();
        }
        context.ZoneJournal.Add(new ZoneJournalEntry
        {
            ZoneId = zoneId,
            FromSerial = diff.OldSerial,
            ToSerial = diff.NewSerial,
            Data = data,
            Size = data.Length,
            CreatedAt = now,
        });
        long total = data.Length;
        var dropped = new List<long>();
        foreach (var entry in entries)
        {
            total += entry.Size;
            if (total > maxBytes)
                dropped.Add(entry.Id);
        }
        if (dropped.Count > 0)
            await context.ZoneJournal.Where(e => dropped.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        return JournalUpdate.Appended;
    }
}
