namespace SecondaryPortal.Dns.Lookup;

/// <summary>Settings of the authoritative responder.</summary>
public sealed record ResponderOptions
{
    /// <summary>
    /// Largest UDP response, whatever the client's EDNS size says (RFC 6891 §6.2.5); also the size we
    /// advertise in our OPT. 1232 avoids IP fragmentation (DNS Flag Day 2020). Clients without EDNS get 512.
    /// </summary>
    public int MaxUdpPayloadSize { get; init; } = 1232;

    /// <summary>Whether answered queries are counted at all (analytics); off only to measure what counting costs.</summary>
    public bool CountQueries { get; init; } = true;

    /// <summary>How QTYPE ANY is answered.</summary>
    public AnyPolicy AnyPolicy { get; init; } = AnyPolicy.MinimalOverUdp;
}
