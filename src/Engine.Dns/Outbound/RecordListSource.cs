using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// Records given as objects, sent in order: an IXFR's diff sequence (RFC 1995 §4), or a lone SOA.
/// Names in RDATA are compressed where RFC 3597 §4 allows, as <see cref="DnsRecord.Write"/> does.
/// </summary>
internal sealed class RecordListSource : TransferRecordSource
{
    private readonly IEnumerator<DnsRecord> _records;
    private bool _hasCurrent;

    public RecordListSource(IEnumerable<DnsRecord> records)
    {
        _records = records.GetEnumerator();
        _hasCurrent = _records.MoveNext();
    }

    /// <inheritdoc/>
    public override bool IsDone => !_hasCurrent;

    /// <inheritdoc/>
    public override bool TryWrite(ref DnsResponseWriter writer)
    {
        if (!_hasCurrent || !writer.TryAdd(DnsSection.Answer, _records.Current))
            return false;
        Written++;
        _hasCurrent = _records.MoveNext();
        return true;
    }

    /// <summary>
    /// The records of an incremental answer (RFC 1995 §4): the current SOA, then per diff its old SOA, the
    /// deleted records, its new SOA and the added records, then the current SOA again.
    /// </summary>
    public static IEnumerable<DnsRecord> Incremental(DnsRecord currentSoa, IReadOnlyList<ZoneData.ZoneDiff> diffs)
    {
        yield return currentSoa;
        foreach (var diff in diffs)
        {
            yield return diff.OldSoa;
            foreach (var record in diff.Deleted)
                yield return record;
            yield return diff.NewSoa;
            foreach (var record in diff.Added)
                yield return record;
        }
        yield return currentSoa;
    }
}
