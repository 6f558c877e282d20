using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>How a zone transfer ended. Only <see cref="UpToDate"/>, <see cref="Ixfr"/> and <see cref="Axfr"/> are successes.</summary>
public enum TransferOutcome
{
    /// <summary>The primary has our serial: an IXFR answered with a single SOA (RFC 1995 §4).</summary>
    UpToDate,

    /// <summary>The changes since our serial arrived as a sequence of <see cref="ZoneDiff"/> (RFC 1995 §4).</summary>
    Ixfr,

    /// <summary>The whole zone arrived (AXFR, RFC 5936, or an AXFR-style answer to an IXFR, RFC 1995 §4).</summary>
    Axfr,

    /// <summary>
    /// The primary's serial is older than ours by RFC 1982 (or exactly 2^31 away, which has no order):
    /// reported, never applied.
    /// </summary>
    PrimaryOlder,

    /// <summary>The primary answered REFUSED (no transfer allowed to us, or the zone is not there).</summary>
    Refused,

    /// <summary>The primary answered NOTAUTH without a TSIG error: it is not authoritative for the zone.</summary>
    NotAuthoritative,

    /// <summary>Another error RCODE: SERVFAIL, NOTIMP, FORMERR ... (see <see cref="TransferResult.Rcode"/>).</summary>
    ServerError,

    /// <summary>A TSIG problem: the primary rejected our key or signature, or its answer is unsigned or does not verify (RFC 8945 §5.3.1, §5.4).</summary>
    BadTsig,

    /// <summary>The answer broke the protocol: undecodable message, wrong ID or question, a stream not framed by matching SOA records.</summary>
    Malformed,

    /// <summary>The primary did not connect, answer, or finish within the configured time.</summary>
    Timeout,

    /// <summary>The connection failed or was closed before the transfer was complete.</summary>
    NetworkError,

    /// <summary>The transfer went past the configured bounds on messages, records or octets.</summary>
    LimitExceeded,
}
