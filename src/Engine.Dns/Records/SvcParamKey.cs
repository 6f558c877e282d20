namespace SecondaryPortal.Dns.Records;

/// <summary>SvcParamKeys of SVCB and HTTPS records (RFC 9460 §14.3.2 registry); other values are allowed and kept.</summary>
public enum SvcParamKey : ushort
{
    /// <summary>Keys a client must understand to use the record (RFC 9460 §8).</summary>
    Mandatory = 0,

    /// <summary>Application protocols offered, besides the default one (RFC 9460 §7.1).</summary>
    Alpn = 1,

    /// <summary>The scheme's default protocol is not offered (RFC 9460 §7.1).</summary>
    NoDefaultAlpn = 2,

    /// <summary>The TCP or UDP port (RFC 9460 §7.2).</summary>
    Port = 3,

    /// <summary>IPv4 addresses a client may use before resolving the target (RFC 9460 §7.3).</summary>
    Ipv4Hint = 4,

    /// <summary>An ECHConfigList for Encrypted Client Hello (RFC 9460 §14.3.2, RFC 9848).</summary>
    Ech = 5,

    /// <summary>IPv6 addresses a client may use before resolving the target (RFC 9460 §7.3).</summary>
    Ipv6Hint = 6,

    /// <summary>The URI template of a DNS-over-HTTPS service (RFC 9461 §5).</summary>
    DohPath = 7,
}
