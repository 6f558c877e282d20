namespace SecondaryPortal.Dns.Server;

/// <summary>
/// Answers requests whose response is a stream of messages over TCP: zone transfers (AXFR, RFC 5936 §2.2;
/// IXFR, RFC 1995 §4). A TCP connection offers every request here first; a null stream sends the request
/// on to the <see cref="IDnsRequestHandler"/>. Called from many connections at once, so implementations
/// must be thread-safe; this check runs for every TCP request, so it must be cheap when it declines.
/// </summary>
public interface IDnsStreamHandler
{
    /// <summary>
    /// Starts the response to <paramref name="request"/>, or returns null when the request is not one this
    /// handler streams. The request span is only valid during the call: a stream copies what it keeps.
    /// </summary>
    IDnsResponseStream? BeginStream(ReadOnlySpan<byte> request, in DnsRequestContext context);
}
