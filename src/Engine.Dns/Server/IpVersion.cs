namespace SecondaryPortal.Dns.Server;

/// <summary>The IP version a query arrived over.</summary>
public enum IpVersion : byte
{
    /// <summary>IPv4 (an IPv4-mapped IPv6 address counts as IPv4).</summary>
    V4 = 4,

    /// <summary>IPv6.</summary>
    V6 = 6,
}
