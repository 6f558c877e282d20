namespace SecondaryPortal.Dns.Transfer;

/// <summary>What a SOA query to a primary found.</summary>
public enum SoaQueryOutcome
{
    /// <summary>The primary answered authoritatively with the zone's SOA.</summary>
    Ok,

    /// <summary>No matching answer arrived in time, over UDP nor (when tried) over TCP.</summary>
    Timeout,

    /// <summary>The primary answered REFUSED: it does not serve the zone to us (RFC 1035 §4.1.1).</summary>
    Refused,

    /// <summary>
    /// The primary is not authoritative for the zone: NOTAUTH, an answer without the AA bit, or no SOA of the
    /// zone in the answer section (a referral or NODATA).
    /// </summary>
    NotAuthoritative,

    /// <summary>Another error RCODE (SERVFAIL while the primary cannot load the zone, NXDOMAIN, NOTIMP ...).</summary>
    ServerError,

    /// <summary>The answer is not signed with our key, does not verify, or the primary rejected our signature (RFC 8945 §5.4).</summary>
    BadTsig,

    /// <summary>The answer could not be decoded, or over TCP did not match the query.</summary>
    Malformed,

    /// <summary>The network failed: the port is closed (ICMP unreachable, TCP reset) or the connection broke.</summary>
    NetworkError,
}
