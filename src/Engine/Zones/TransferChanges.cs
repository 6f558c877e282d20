using System.Text;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// Says which records a transfer changed, for the zone page's transfer history: counts of records added and removed, and
/// the first few of them in presentation form ("+ www.example.com. 300 IN A 192.0.2.1", "- ..."), removals first as an
/// IXFR sends them (RFC 1995 §4).
/// </summary>
public static class TransferChanges
{
    /// <summary>At most this many records are written out; a last line says how many more changed.</summary>
    public const int MaxLines = 20;

    /// <summary>A written record longer than this (a DNSKEY, a long TXT) is cut, with "..." at its end.</summary>
    public const int MaxLineLength = 200;

    /// <summary>What <paramref name="diffs"/> (an IXFR, in order) changed; the SOA records are not counted.</summary>
    public static TransferChangeSummary FromDiffs(IReadOnlyList<ZoneDiff> diffs)
    {
        ArgumentNullException.ThrowIfNull(diffs);
        int added = diffs.Sum(d => d.Added.Count), removed = diffs.Sum(d => d.Deleted.Count);
        var lines = diffs.SelectMany(d => d.Deleted.Select(r => ('-', r)).Concat(d.Added.Select(r => ('+', r))));
        return new TransferChangeSummary(added, removed, Describe(lines, added + removed));
    }

    /// <summary>
    /// What an AXFR changed: against the copy served before (<paramref name="previous"/>), the difference of the two, which
    /// costs one pass over both zones (<see cref="ZoneSnapshotDiff.Compute"/>); for a first transfer, every record added.
    /// </summary>
    public static TransferChangeSummary FromSnapshots(ZoneSnapshot? previous, ZoneSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return previous is null ? new TransferChangeSummary(current.RecordCount, 0, null) : FromDiffs([ZoneSnapshotDiff.Compute(previous, current)]);
    }

    private static string? Describe(IEnumerable<(char Sign, DnsRecord Record)> changes, int total)
    {
        if (total == 0)
            return null;
        var text = new StringBuilder();
        foreach (var (sign, record) in changes.Take(MaxLines))
        {
            string line = record.ToString().Replace('\t', ' ');
            if (line.Length > MaxLineLength)
                line = string.Concat(line.AsSpan(0, MaxLineLength - 3), "...");
            text.Append(sign).Append(' ').Append(line).Append('\n');
        }
        if (total > MaxLines)
            text.Append($"... and {total - MaxLines} more\n");
        return text.ToString(0, text.Length - 1);
    }
}
