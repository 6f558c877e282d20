using SecondaryPortal.Dns.Records;

namespace SecondaryPortal.Engine.Zones;

/// <summary>The outcome of <see cref="ZoneFileCheck.Check"/>.</summary>
/// <param name="Records">The records read (empty when the text has an error).</param>
/// <param name="Errors">What stops the text from being a zone, each with its line ("line 12: ...").</param>
/// <param name="Warnings">What a review should show: the parser's and builder's warnings, and <see cref="ZoneWarnings"/>.</param>
/// <param name="Serial">The SOA serial when the zone is valid; else 0.</param>
public sealed record ZoneFileCheckResult(IReadOnlyList<DnsRecord> Records, IReadOnlyList<string> Errors, IReadOnlyList<ZoneWarning> Warnings, uint Serial)
{
    /// <summary>True when the text makes a valid zone, ready for <see cref="ZoneStore.ImportAsync(SecondaryPortal.Dns.Wire.DnsName, IEnumerable{DnsRecord}, ZoneImportOptions, CancellationToken)"/>.</summary>
    public bool IsValid => Errors.Count == 0;
}
