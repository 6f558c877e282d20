namespace SecondaryPortal.Dns.Outbound;

/// <summary>What a secondary did with our NOTIFY (RFC 1996 §3.6).</summary>
public enum NotifyOutcome
{
    /// <summary>The secondary answered NOERROR: it will check the zone.</summary>
    Acknowledged,

    /// <summary>The secondary answered REFUSED (it does not take NOTIFY from us, or does not hold the zone).</summary>
    Refused,

    /// <summary>The secondary answered NOTAUTH without a TSIG error: it does not hold the zone.</summary>
    NotAuthoritative,

    /// <summary>Another error RCODE (NOTIMP, FORMERR, SERVFAIL ...).</summary>
    ServerError,

    /// <summary>The secondary rejected our TSIG, or its answer is unsigned or does not verify.</summary>
    BadTsig,

    /// <summary>No matching answer after every attempt.</summary>
    Timeout,

    /// <summary>The network failed (ICMP port unreachable ...).</summary>
    NetworkError,
}
