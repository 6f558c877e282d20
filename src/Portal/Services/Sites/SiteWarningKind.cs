namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>What the review found in a zone's data that the customer should know before it goes live.</summary>
public enum SiteWarningKind
{
    /// <summary>A name holds a CNAME and other data (RFC 1034 §3.6.2, RFC 2181 §10.1).</summary>
    CnameBesideOtherData,

    /// <summary>No NS records at the apex: resolvers delegated to us get no NS set (RFC 1034 §4.2.1).</summary>
    MissingApexNs,

    /// <summary>The transfer carried records outside the zone, which were dropped (RFC 5936 §3.5: out-of-zone data).</summary>
    RecordsOutsideZoneDropped,

    /// <summary>The zone carries DNSSEC records (RFC 4034): served as transferred, they must stay fresh at the primary.</summary>
    DnssecRecordsPresent,
}
