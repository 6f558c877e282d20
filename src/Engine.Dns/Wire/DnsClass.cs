namespace SecondaryPortal.Dns.Wire;

/// <summary>CLASS and QCLASS values (RFC 1035 §3.2.4, RFC 2136 §1.3 for NONE).</summary>
public enum DnsClass : ushort
{
    /// <summary>The Internet.</summary>
    IN = 1,
    /// <summary>Chaos (used for server identification queries).</summary>
    CH = 3,
    /// <summary>Hesiod.</summary>
    HS = 4,
    /// <summary>NONE, used by dynamic update and IXFR deletions never; kept for completeness.</summary>
    NONE = 254,
    /// <summary>ANY (QCLASS only, and TSIG records).</summary>
    ANY = 255,
}
