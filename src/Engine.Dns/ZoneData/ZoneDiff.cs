using System.Diagnostics.CodeAnalysis;
using SecondaryPortal.Dns.Records;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// One step of an incremental transfer (RFC 1995 §4): the zone at <see cref="OldSoa"/>, minus
/// <see cref="Deleted"/>, plus <see cref="Added"/>, is the zone at <see cref="NewSoa"/>. The SOA records are
/// not in the two lists.
/// </summary>
public sealed class ZoneDiff
{
    /// <summary>A diff from <paramref name="oldSoa"/> to <paramref name="newSoa"/>.</summary>
    /// <exception cref="ArgumentException">A SOA argument is not a SOA record, or a list holds a SOA.</exception>
    public ZoneDiff(DnsRecord oldSoa, DnsRecord newSoa, IReadOnlyList<DnsRecord> deleted, IReadOnlyList<DnsRecord> added)
    {
        if (oldSoa.Data is not SoaData || newSoa.Data is not SoaData)
            throw new ArgumentException("a diff goes from one SOA record to another");
        if (deleted.Any(r => r.Type == Wire.RecordType.SOA) || added.Any(r => r.Type == Wire.RecordType.SOA))
            throw new ArgumentException("the SOA records of a diff are its OldSoa and NewSoa, not among its deleted or added records");
        OldSoa = oldSoa;
        NewSoa = newSoa;
        Deleted = deleted;
        Added = added;
    }

    /// <summary>The SOA of the version this diff starts from.</summary>
    public DnsRecord OldSoa { get; }

    /// <summary>The SOA of the version this diff leads to.</summary>
    public DnsRecord NewSoa { get; }

    /// <summary>Records removed (their TTL does not matter for the match).</summary>
    public IReadOnlyList<DnsRecord> Deleted { get; }

    /// <summary>Records added.</summary>
    public IReadOnlyList<DnsRecord> Added { get; }

    /// <summary>Serial of <see cref="OldSoa"/>.</summary>
    public uint OldSerial => ((SoaData)OldSoa.Data).Serial;

    /// <summary>Serial of <see cref="NewSoa"/>.</summary>
    public uint NewSerial => ((SoaData)NewSoa.Data).Serial;

    /// <summary>
    /// Applies <paramref name="diffs"/>, in order, to <paramref name="zone"/> (a whole zone with one SOA, as an AXFR
    /// delivers it). Records match by owner (case-insensitive), class, type and RDATA (canonical form, RFC 4034 §6.2),
    /// not by TTL. Deleting a record the zone does not hold, adding one it already holds, or a diff that does not
    /// start at the zone's serial is an error: the copy has drifted from the primary and needs a full transfer.
    /// A record the zone lists twice is kept once. Runs in time linear in the zone and the diffs: one hash lookup
    /// per record, most of the time spent indexing the zone.
    /// </summary>
    /// <param name="zone">The records of the zone as served now; not changed.</param>
    /// <param name="diffs">The diffs of an IXFR, oldest first.</param>
    /// <param name="result">The new zone: the new SOA, the kept records in their order, then the added ones.</param>
    /// <param name="error">Why the diffs do not apply, in plain words.</param>
    public static bool TryApply(IReadOnlyList<DnsRecord> zone, IReadOnlyList<ZoneDiff> diffs,
        [NotNullWhen(true)] out List<DnsRecord>? result, [NotNullWhen(false)] out string? error) =>
        ZoneDiffApplier.TryApply(zone, diffs, out result, out error);

    /// <summary>"serial 5 -> 6: 2 deleted, 3 added".</summary>
    public override string ToString() => $"serial {OldSerial} -> {NewSerial}: {Deleted.Count} deleted, {Added.Count} added";
}
