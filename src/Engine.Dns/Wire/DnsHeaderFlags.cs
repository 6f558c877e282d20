namespace SecondaryPortal.Dns.Wire;

/// <summary>The single-bit header flags (RFC 1035 §4.1.1, RFC 4035 §3.1.6 for AD and CD).</summary>
[Flags]
public enum DnsHeaderFlags : ushort
{
    /// <summary>No flag set.</summary>
    None = 0,
    /// <summary>Checking disabled.</summary>
    CD = 0x0010,
    /// <summary>Authentic data.</summary>
    AD = 0x0020,
    /// <summary>Recursion available.</summary>
    RA = 0x0080,
    /// <summary>Recursion desired.</summary>
    RD = 0x0100,
    /// <summary>Truncated.</summary>
    TC = 0x0200,
    /// <summary>Authoritative answer.</summary>
    AA = 0x0400,
    /// <summary>This message is a response.</summary>
    QR = 0x8000,
}
