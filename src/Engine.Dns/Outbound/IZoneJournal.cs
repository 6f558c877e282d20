using System.Diagnostics.CodeAnalysis;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// The history of a zone's changes that incremental transfers are answered from (RFC 1995 §4). Called
/// once per IXFR request, from many connections at once: implementations must be thread-safe and answer
/// from memory.
/// </summary>
public interface IZoneJournal
{
    /// <summary>
    /// The diffs that lead <paramref name="zone"/> from serial <paramref name="fromSerial"/> to serial
    /// <paramref name="toSerial"/>, oldest first, each starting where the one before ends. False when the
    /// journal does not hold that whole sequence (the client then gets the whole zone, AXFR-style).
    /// </summary>
    bool TryGetDiffs(DnsName zone, uint fromSerial, uint toSerial, [NotNullWhen(true)] out IReadOnlyList<ZoneDiff>? diffs);
}
