namespace SecondaryPortal.Dns.Outbound;

/// <summary>How a transfer request is answered.</summary>
internal enum TransferResponseKind
{
    /// <summary>One message with an error RCODE (FORMERR, NOTAUTH, REFUSED, SERVFAIL, a TSIG error).</summary>
    Error,

    /// <summary>The whole zone (RFC 5936).</summary>
    Axfr,

    /// <summary>The changes since the client's serial, from the journal (RFC 1995 §4).</summary>
    Ixfr,

    /// <summary>An IXFR answered with the whole zone: the journal does not reach back to the client's serial (RFC 1995 §4).</summary>
    IxfrAxfrStyle,

    /// <summary>A lone SOA: the client is current (RFC 1995 §2), or asked over UDP.</summary>
    SingleSoa,
}
