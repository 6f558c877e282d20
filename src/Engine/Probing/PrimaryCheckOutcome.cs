namespace SecondaryPortal.Engine.Probing;

/// <summary>
/// What the wizard's live check of a primary found: first its SOA query (the values from <see cref="Timeout"/> to
/// <see cref="Malformed"/>, and the TSIG ones), then, once the SOA came, its transfer probe (the values named Transfer...,
/// <see cref="KeyRequired"/>, and the TSIG ones when the primary rejected the transfer's signature).
/// </summary>
public enum PrimaryCheckOutcome
{
    /// <summary>
    /// The primary answered authoritatively with the zone's SOA (and, with a key, a verified signature), and it begins a
    /// transfer of the zone to us.
    /// </summary>
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

    /// <summary>
    /// The SOA came, but the primary answered REFUSED to the zone transfer: its allow-transfer (BIND) or acl (Knot) does
    /// not let our address (or, signed, our key) transfer the zone (RFC 5936 §5.1, RFC 1035 §4.1.1).
    /// </summary>
    TransferRefused,

    /// <summary>
    /// The SOA came unsigned, but the primary answered the unsigned transfer with NOTAUTH: it wants a TSIG key for
    /// transfers (Knot answers NOTAUTH when its acl denies, RFC 8945 §5.4) and none was given.
    /// </summary>
    KeyRequired,

    /// <summary>The SOA came, but the primary answered the transfer signed with our key with NOTAUTH (no TSIG error): its acl does not allow that key.</summary>
    TransferNotAuth,

    /// <summary>The SOA came (over UDP), but the transfer's TCP connection or its first message did not come within the check's timeouts.</summary>
    TransferTimeout,

    /// <summary>The SOA came (over UDP), but the TCP connection a transfer needs was refused: TCP is closed or filtered with a reset.</summary>
    TransferConnectionRefused,

    /// <summary>The SOA came, but the transfer's TCP connection broke: no route over TCP, or closed before the first message.</summary>
    TransferNetworkError,

    /// <summary>The SOA came, but the primary answered the transfer with another error RCODE (SERVFAIL, NOTIMP ...) or broke the protocol.</summary>
    TransferFailed,
}
