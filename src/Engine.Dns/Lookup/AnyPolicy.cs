using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>How QTYPE ANY is answered (RFC 8482).</summary>
public enum AnyPolicy
{
    /// <summary>
    /// RFC 8482 §4.1: over UDP, one RRset of the name (and its signatures when DO is set), so ANY cannot
    /// amplify; over TCP, where the client has proved its address, every RRset. BIND's "minimal-any yes".
    /// </summary>
    MinimalOverUdp,

    /// <summary>Every RRset of the name, over both transports (RFC 1035 §3.2.3; BIND's default).</summary>
    Full,
}
