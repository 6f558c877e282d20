namespace SecondaryPortal.Dns.Server;

/// <summary>How a request arrived; it decides the response size limit (RFC 1035 §4.2, RFC 6891 §6.2.5).</summary>
public enum DnsTransport : byte
{
    /// <summary>A UDP datagram: the response is bounded by the client's EDNS payload size (or 512).</summary>
    Udp,
    /// <summary>A TCP stream: responses up to 65,535 octets, never truncated.</summary>
    Tcp,
}
