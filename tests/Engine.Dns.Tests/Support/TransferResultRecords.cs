using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;

namespace SecondaryPortal.Dns.Tests.Support;

/// <summary>The records of the zone a transfer built, for assertions.</summary>
internal static class TransferResultRecords
{
    /// <summary>The records of the zone an AXFR built, its SOA first; none when nothing was built.</summary>
    public static List<DnsRecord> ZoneRecords(this TransferResult result) => result.Built?.Snapshot?.Records().ToList() ?? [];

    /// <summary>Asserts that both hold the same records, whatever their order (a built zone lists its names in canonical order).</summary>
    public static void AssertSameRecords(IEnumerable<DnsRecord> expected, IEnumerable<DnsRecord> actual) =>
        Assert.Equal(expected.Select(r => r.ToString()).Order(StringComparer.Ordinal), actual.Select(r => r.ToString()).Order(StringComparer.Ordinal));
}
