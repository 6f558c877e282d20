using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>
/// Adds, replaces and deletes records of an account's authoritative zone through the Engine's
/// <see cref="AuthoritativeRecordEditor"/> (validated as a nameserver would, serial raised, secondaries notified). Another
/// account's zone is <see cref="RecordEditStatus.ZoneNotFound"/>.
/// </summary>
public sealed class ZoneRecordEditing(ZoneDirectory directory, AuthoritativeRecordEditor editor)
{
    /// <summary>Adds <paramref name="record"/> to zone <paramref name="zoneId"/>.</summary>
    public Task<RecordEditResult> AddAsync(AccountScope scope, long zoneId, RecordInput record, CancellationToken cancellationToken = default) =>
        EditAsync(scope, zoneId, origin => editor.AddAsync(origin, record, cancellationToken), cancellationToken);

    /// <summary>Replaces <paramref name="existing"/> (matched by name, type and data) with <paramref name="replacement"/>.</summary>
    public Task<RecordEditResult> ReplaceAsync(AccountScope scope, long zoneId, RecordInput existing, RecordInput replacement,
        CancellationToken cancellationToken = default) =>
        EditAsync(scope, zoneId, origin => editor.ReplaceAsync(origin, existing, replacement, cancellationToken), cancellationToken);

    /// <summary>Deletes <paramref name="record"/> (matched by name, type and data).</summary>
    public Task<RecordEditResult> DeleteAsync(AccountScope scope, long zoneId, RecordInput record, CancellationToken cancellationToken = default) =>
        EditAsync(scope, zoneId, origin => editor.DeleteAsync(origin, record, cancellationToken), cancellationToken);

    private async Task<RecordEditResult> EditAsync(AccountScope scope, long zoneId, Func<DnsName, Task<RecordEditResult>> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await directory.FindOriginAsync(scope, zoneId, cancellationToken) is not { } origin)
            return new RecordEditResult(RecordEditStatus.ZoneNotFound, ZoneActionResult.NotFoundMessage, null, 0);
        return await edit(DnsName.Parse(origin));
    }
}
