namespace SecondaryPortal.Engine.Probing;

/// <summary>What a live SOA query to a primary found (the wizard's check step).</summary>
public enum PrimaryCheckOutcome
{
    /// <summary>The primary answered authoritatively with the zone's SOA (and, with a key, a verified signature).</summary>
    Ok,

    /// <summary>No answer over UDP nor TCP within the check's timeouts.</summary>
    Timeout,

    /// <summary>Nothing listens on the address and port: ICMP port unreachable over UDP, a reset over TCP.</summary>
    ConnectionRefused,

    /// <summary>Another network failure: no route to the host, network unreachable, a connection broken mid-answer.</summary>
    NetworkError,

    /// <summary>The primary answered REFUSED: its ACL does not allow us, or it does not serve the zone (RFC 1035 §4.1.1).</summary>
    Refused,

    /// <summary>The primary answered NOTAUTH without a TSIG error: it is not authoritative for the zone (RFC 2136 §2.2).</summary>
    NotAuth,

    /// <summary>The answer is not authoritative: no AA bit, or no SOA owned by the zone's apex (a referral, NODATA).</summary>
    NotAuthoritative,

    /// <summary>The primary does not know our key name or algorithm (TSIG error BADKEY, RFC 8945 §5.2.1).</summary>
    BadKey,

    /// <summary>The primary's MAC check of our request failed: the secrets differ (TSIG error BADSIG, RFC 8945 §5.2.2).</summary>
    BadSig,

    /// <summary>The primary's clock and ours differ by more than the fudge (TSIG error BADTIME, RFC 8945 §5.2.3).</summary>
    BadTime,

    /// <summary>Another TSIG failure: the answer is unsigned or does not verify with our key, or another TSIG error.</summary>
    BadTsig,

    /// <summary>The primary answered SERVFAIL or another error RCODE (NXDOMAIN, NOTIMP, FORMERR).</summary>
    ServerFailure,

    /// <summary>The answer could not be decoded, or did not match the query.</summary>
    Malformed,
}
