namespace SecondaryPortal.Engine.Zones;

/// <summary>What a <see cref="ZoneWarning"/> is about.</summary>
public enum ZoneWarningKind
{
    /// <summary>No records at all, or only the SOA (and apex NS): the transfer most likely did not get the zone.</summary>
    EmptyZone,

    /// <summary>A name holds a CNAME and other data (RFC 1034 §3.6.2, RFC 2181 §10.1): only the CNAME is answered.</summary>
    CnameAndOtherData,

    /// <summary>No NS records at the apex (RFC 1034 §4.2.1): resolvers cannot find the zone's servers from it.</summary>
    NoApexNs,

    /// <summary>Records outside the zone were in the data and are not served.</summary>
    OutsideZone,

    /// <summary>The zone is signed (RRSIG, NSEC, NSEC3, DNSKEY records): we serve the signatures as transferred.</summary>
    DnssecRecords,

    /// <summary>Another warning of the zone builder (an RRset's TTLs unified, a duplicate singleton dropped ...).</summary>
    Other,
}
