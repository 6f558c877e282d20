using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Engine.Records;

/// <summary>
/// A zone's records laid out for browsing: the records in zone order, each run of records of one owner with its
/// name in presentation form (and lowercase, for the filter), and the counts by type. Built once per zone version
/// (a million records take about a second) and then paged and filtered in memory without allocating per record:
/// a name filter tests each owner name once, not each record. Immutable, so any number of requests share it.
/// </summary>
public sealed class ZoneRecordIndex
{
    private readonly DnsRecord[] _records;
    private readonly RecordType[] _types;
    private readonly string[] _ownerText;
    private readonly string[] _ownerLower;
    private readonly int[] _ownerStart;
    private readonly Dictionary<RecordType, int> _counts;

    private ZoneRecordIndex(DnsRecord[] records, List<string> ownerText, List<string> ownerLower, List<int> ownerStart)
    {
        _records = records;
        _types = new RecordType[records.Length];
        _counts = [];
        for (int i = 0; i < records.Length; i++)
        {
            var type = records[i].Type;
            _types[i] = type;
            _counts[type] = _counts.GetValueOrDefault(type) + 1;
        }
        _ownerText = [.. ownerText];
        _ownerLower = [.. ownerLower];
        _ownerStart = [.. ownerStart, records.Length];
        CountsByType = Sorted(_counts);
    }

    /// <summary>How many records the zone has.</summary>
    public int Count => _records.Length;

    /// <summary>How many records of each type, most frequent first.</summary>
    public IReadOnlyList<RecordTypeCount> CountsByType { get; }

    /// <summary>Every record, in zone order (a record's index is its <see cref="RecordRow.Position"/>).</summary>
    public IReadOnlyList<DnsRecord> Records => _records;

    /// <summary>Indexes a served zone: the apex SOA first, then the owners in canonical order (RFC 4034 §6.1).</summary>
    public static ZoneRecordIndex Build(ZoneSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Build(snapshot.Records());
    }

    /// <summary>Indexes <paramref name="records"/> in the order given; consecutive records of one owner share its name's text.</summary>
    public static ZoneRecordIndex Build(IEnumerable<DnsRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records as DnsRecord[] ?? records.ToArray();
        var ownerText = new List<string>();
        var ownerLower = new List<string>();
        var ownerStart = new List<int>();
        DnsName? previous = null;
        for (int i = 0; i < list.Length; i++)
        {
            var name = list[i].Name;
            if (previous is not null && (ReferenceEquals(name, previous) || name.EqualsCaseSensitive(previous)))
                continue;
            previous = name;
            string text = name.ToString();
            string lower = text.ToLowerInvariant(); // returns the same string when nothing changes
            ownerText.Add(text);
            ownerLower.Add(lower);
            ownerStart.Add(i);
        }
        return new ZoneRecordIndex(list, ownerText, ownerLower, ownerStart);
    }

    /// <summary>The rows of one page of the records matching <paramref name="query"/>, with the totals.</summary>
    public RecordPage Page(RecordQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        int size = Math.Clamp(query.PageSize, 1, RecordQuery.MaxPageSize);
        int page = Math.Max(1, query.Page);
        string? needle = string.IsNullOrWhiteSpace(query.NameContains) ? null : query.NameContains.Trim().ToLowerInvariant();
        var (total, positions, counts) = Scan(needle, query.Type, (page - 1) * size, size);
        int last = Math.Max(1, (total + size - 1) / size);
        if (page > last)
        {
            page = last;
            (total, positions, counts) = Scan(needle, query.Type, (page - 1) * size, size);
        }
        var rows = positions.Select(Row).ToList();
        return new RecordPage(rows, total, page, size, _records.Length, counts);
    }

    /// <summary>Counts the matches and picks the positions of those <paramref name="skip"/> .. +<paramref name="take"/>.</summary>
    private (int Total, List<int> Positions, IReadOnlyList<RecordTypeCount> Counts) Scan(string? needle, RecordType? type, int skip, int take)
    {
        var positions = new List<int>(take);
        int seen = 0;
        if (needle is null)
        {
            if (type is null)
            {
                for (int i = skip; i < Math.Min(_records.Length, skip + take); i++)
                    positions.Add(i);
                return (_records.Length, positions, CountsByType);
            }
            // The total is known; the scan stops once the page is full.
            for (int i = 0; i < _types.Length && positions.Count < take; i++)
                Take(i, type, skip, take, ref seen, positions);
            return (_counts.GetValueOrDefault(type.Value), positions, CountsByType);
        }
        var counts = new Dictionary<RecordType, int>();
        for (int owner = 0; owner < _ownerLower.Length; owner++)
        {
            if (!_ownerLower[owner].Contains(needle, StringComparison.Ordinal))
                continue;
            for (int i = _ownerStart[owner]; i < _ownerStart[owner + 1]; i++)
            {
                counts[_types[i]] = counts.GetValueOrDefault(_types[i]) + 1;
                Take(i, type, skip, take, ref seen, positions);
            }
        }
        return (seen, positions, Sorted(counts));
    }

    /// <summary>Counts record <paramref name="i"/> when its type matches, and keeps it when it falls in the page.</summary>
    private void Take(int i, RecordType? type, int skip, int take, ref int seen, List<int> positions)
    {
        if (type is { } only && _types[i] != only)
            return;
        if (seen >= skip && positions.Count < take)
            positions.Add(i);
        seen++;
    }

    private RecordRow Row(int position)
    {
        var record = _records[position];
        int owner = OwnerOf(position);
        return new RecordRow(position, _ownerText[owner], record.Ttl, record.Type, RecordTypeNames.ToText(record.Type), record.Data.ToString());
    }

    /// <summary>The owner run holding record <paramref name="position"/>, by binary search over the run starts.</summary>
    private int OwnerOf(int position)
    {
        int found = Array.BinarySearch(_ownerStart, 0, _ownerStart.Length - 1, position);
        return found >= 0 ? found : ~found - 1;
    }

    private static RecordTypeCount[] Sorted(Dictionary<RecordType, int> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => (int)c.Key).Select(c => new RecordTypeCount(c.Key, RecordTypeNames.ToText(c.Key), c.Value))];
}
