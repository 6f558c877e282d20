using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Records;

/// <summary>
/// Adds, replaces and deletes records of an authoritative zone, checking each change as a nameserver would: the
/// record parses as in a zone file, lies inside the zone, is not a duplicate, keeps CNAMEs alone, keeps the apex
/// SOA and at least one apex NS. Each change raises the SOA serial (see <see cref="ZoneEditRules.NextSerial"/>)
/// and is stored through <see cref="ZoneStore.ImportAsync(DnsName, IEnumerable{DnsRecord}, CancellationToken)"/>, the one path that validates the whole zone, writes
/// the IXFR journal entry and announces the change so the NOTIFY service tells the zone's secondaries.
/// </summary>
/// <remarks>
/// Records to replace or delete are named by content (name, type and data; the TTL is ignored), so an edit made
/// from a page that is out of date fails with <see cref="RecordEditStatus.RecordNotFound"/> instead of hitting
/// another record. Edits in this process run one at a time, so two edits never lose one another; the whole zone
/// is rewritten per edit, which for a zone of a million records takes seconds.
/// </remarks>
public sealed partial class AuthoritativeRecordEditor(ZoneRecordBrowser browser, ZoneStore store, TimeProvider timeProvider,
    ILogger<AuthoritativeRecordEditor> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Adds <paramref name="record"/> to the authoritative zone <paramref name="origin"/>.</summary>
    public Task<RecordEditResult> AddAsync(DnsName origin, RecordInput record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return EditAsync(origin, null, record, cancellationToken);
    }

    /// <summary>Replaces <paramref name="existing"/> (matched by name, type and data) with <paramref name="replacement"/>, in one change.</summary>
    public Task<RecordEditResult> ReplaceAsync(DnsName origin, RecordInput existing, RecordInput replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(replacement);
        return EditAsync(origin, existing, replacement, cancellationToken);
    }

    /// <summary>Deletes <paramref name="record"/> (matched by name, type and data) from the zone.</summary>
    public Task<RecordEditResult> DeleteAsync(DnsName origin, RecordInput record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return EditAsync(origin, record, null, cancellationToken);
    }

    private async Task<RecordEditResult> EditAsync(DnsName origin, RecordInput? removeInput, RecordInput? addInput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var set = await browser.GetAsync(origin, cancellationToken);
            if (Unusable(set) is { } unusable)
                return unusable;
            var records = set.Index!.Records;
            int soaAt = FindSoa(records, origin);
            if (soaAt < 0)
                return new RecordEditResult(RecordEditStatus.Unreadable, $"The stored zone {origin} has no SOA record.", null, set.Serial);
            var plan = Plan(origin, records, soaAt, removeInput, addInput, set.Serial);
            if (plan.Error is not null)
                return plan.Error;
            return await StoreAsync(origin, plan.Records!, set.Serial, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The zone's records after the change, with the new serial in the SOA, or why the change is not made.</summary>
    private (List<DnsRecord>? Records, RecordEditResult? Error) Plan(DnsName origin, IReadOnlyList<DnsRecord> records, int soaAt,
        RecordInput? removeInput, RecordInput? addInput, uint serial)
    {
        var list = new List<DnsRecord>(records);
        DnsRecord? removed = null;
        if (removeInput is not null)
        {
            if (RecordInputParser.Parse(removeInput, origin, out var error, serial) is not { } old)
                return (null, error);
            int at = list.FindIndex(r => r.Name.Equals(old.Name) && r.Type == old.Data.Type && r.Data.Equals(old.Data));
            if (at < 0)
                return (null, new RecordEditResult(RecordEditStatus.RecordNotFound, $"{old.Name} has no such {RecordTypeNames.ToText(old.Data.Type)} record (it may have just been changed): reload the records.", null, serial));
            removed = list[at];
            list.RemoveAt(at);
            if (at < soaAt)
                soaAt--;
        }
        DnsRecord? added = null;
        if (addInput is not null)
        {
            if (RecordInputParser.Parse(addInput, origin, out var error, serial) is not { } fresh)
                return (null, error);
            uint ttl = fresh.Ttl ?? list.FirstOrDefault(r => r.Name.Equals(fresh.Name) && r.Type == fresh.Data.Type)?.Ttl ?? records[soaAt].Ttl;
            added = new DnsRecord(fresh.Name, ttl, fresh.Data);
            if (ZoneEditRules.CheckAdd(origin, list, added, removed?.Type == RecordType.SOA) is { } refusal)
                return (null, new RecordEditResult(RecordEditStatus.Refused, refusal, RefusedField(added), serial));
        }
        if (removed is not null && ZoneEditRules.CheckRemove(origin, list, removed, added) is { } kept)
            return (null, new RecordEditResult(RecordEditStatus.Refused, kept, null, serial));
        if (added is not null)
            Insert(list, added, ref soaAt);
        var soa = list[soaAt];
        var soaData = (SoaData)soa.Data;
        // A serial typed into the SOA form is kept when it moves forward; otherwise the zone's serial is raised.
        uint next = added?.Type == RecordType.SOA && new SerialNumber(soaData.Serial).IsNewerThan(new SerialNumber(serial))
            ? soaData.Serial
            : ZoneEditRules.NextSerial(serial, timeProvider.GetUtcNow());
        list[soaAt] = soa with { Data = soaData.WithSerial(next) };
        return (list, null);
    }

    /// <summary>Adds <paramref name="added"/> (an SOA first, others last) and gives its whole RRset its TTL (RFC 2181 §5.2).</summary>
    private static void Insert(List<DnsRecord> list, DnsRecord added, ref int soaAt)
    {
        if (added.Type == RecordType.SOA)
        {
            list.Insert(soaAt = 0, added);
            return;
        }
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].Type == added.Type && list[i].Name.Equals(added.Name) && list[i].Ttl != added.Ttl)
                list[i] = list[i] with { Ttl = added.Ttl };
        }
        list.Add(added);
    }

    private async Task<RecordEditResult> StoreAsync(DnsName origin, List<DnsRecord> records, uint serial, CancellationToken cancellationToken)
    {
        var result = await store.ImportAsync(origin, records, cancellationToken);
        switch (result.Status)
        {
            case ZoneImportStatus.Imported:
                LogEdited(result.Origin, serial, result.Serial);
                return new RecordEditResult(RecordEditStatus.Saved, $"Saved. {result.Origin} now has serial {result.Serial}; its secondaries are notified.", null, result.Serial);
            case ZoneImportStatus.NotAuthoritative:
                return new RecordEditResult(RecordEditStatus.NotAuthoritative, result.Message, null, serial);
            default:
                return new RecordEditResult(RecordEditStatus.Refused, $"The zone would not be valid: {string.Join("; ", result.Errors)}.", null, serial);
        }
    }

    private static RecordEditResult? Unusable(ZoneRecordSet set) => set.Status switch
    {
        RecordBrowseStatus.NotFound => new RecordEditResult(RecordEditStatus.ZoneNotFound, set.Message, null, 0),
        RecordBrowseStatus.Unreadable => new RecordEditResult(RecordEditStatus.Unreadable, set.Message, null, set.Serial),
        _ when set.Kind != ZoneKind.Authoritative => new RecordEditResult(RecordEditStatus.NotAuthoritative,
            $"{set.Origin} is a secondary zone: its records come from its primaries and are edited there.", null, set.Serial),
        _ => null,
    };

    private static int FindSoa(IReadOnlyList<DnsRecord> records, DnsName origin)
    {
        for (int i = 0; i < records.Count; i++)
        {
            if (records[i].Type == RecordType.SOA && records[i].Name.Equals(origin))
                return i;
        }
        return -1;
    }

    private static RecordField RefusedField(DnsRecord added) => added.Type is RecordType.CNAME or RecordType.SOA ? RecordField.Type : RecordField.Name;

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} edited: serial {OldSerial} -> {Serial}")]
    private partial void LogEdited(string zone, uint oldSerial, uint serial);
}
