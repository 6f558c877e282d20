namespace SecondaryPortal.Dns.Server;

/// <summary>
/// Answers one request. Listeners call it from their receive loops, one call per message, possibly on
/// several threads at once, so implementations must be thread-safe and should not allocate per call.
/// </summary>
public interface IDnsRequestHandler
{
    /// <summary>
    /// Writes the response to <paramref name="request"/> into <paramref name="response"/> (which is at least
    /// 65,535 octets for TCP and at least the largest allowed UDP payload for UDP) and returns its length,
    /// or 0 when nothing must be sent (a response, a message too short for a header).
    /// </summary>
    int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context);
}
