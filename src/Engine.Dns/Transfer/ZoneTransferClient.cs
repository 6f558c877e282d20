using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>
/// The secondary's side of zone maintenance: asks a primary for a zone's SOA, and transfers the zone by IXFR
/// (RFC 1995) or AXFR (RFC 5936) over TCP, TSIG-signed and verified when the primary has a key (RFC 8945).
/// Outcomes are values; only the caller's cancellation throws. Holds no per-call state: one instance serves
/// every zone and thread.
/// </summary>
/// <remarks>
/// IXFR falls back to AXFR, on a new connection, when the IXFR answer is an error RCODE (REFUSED, NOTIMP,
/// FORMERR, SERVFAIL, NOTAUTH), cannot be decoded, breaks the diff sequence, starts from a serial that is not
/// ours, or is a lone newer SOA; an AXFR-style answer to the IXFR is taken as the AXFR (RFC 1995 §4). Either way
/// <see cref="TransferResult.FallbackReason"/> says why. TSIG failures, timeouts, network errors and exceeded
/// bounds do not fall back: an AXFR would meet them too.
/// </remarks>
public sealed class ZoneTransferClient
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>A client using <paramref name="timeProvider"/> for timeouts and TSIG times.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ZoneTransferClient(TimeProvider timeProvider, ILogger<ZoneTransferClient> logger, ZoneTransferClientOptions? options = null)
    {
        _time = timeProvider;
        _logger = logger;
        Options = options ?? new ZoneTransferClientOptions();
        Options.Validate();
    }

    /// <summary>The timeouts and bounds in use.</summary>
    public ZoneTransferClientOptions Options { get; }

    /// <summary>
    /// Asks <paramref name="primary"/> for the SOA of <paramref name="zone"/>: UDP with retries, then TCP when the
    /// answer is truncated or (with <see cref="ZoneTransferClientOptions.SoaTcpFallback"/>) UDP went unanswered.
    /// Answers whose ID or question differ from ours are ignored (RFC 5452 §9.1).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<SoaQueryResult> QuerySoaAsync(DnsName zone, PrimaryServer primary, CancellationToken cancellationToken = default)
    {
        long start = _time.GetTimestamp();
        var result = await new SoaQuery(zone, primary, Options, _time).RunAsync(cancellationToken).ConfigureAwait(false);
        result = result with { Duration = _time.GetElapsedTime(start) };
        if (result.IsOk)
            TransferLog.SoaReceived(_logger, zone, primary, result.Soa!.Serial, result.Transport, (long)result.Duration.TotalMilliseconds);
        else
            TransferLog.SoaFailed(_logger, zone, primary, result.Outcome, result.Error);
        return result;
    }

    /// <summary>
    /// Transfers <paramref name="zone"/> from <paramref name="primary"/>: an IXFR from <paramref name="current"/>
    /// when given (falling back to AXFR as the remarks say), an AXFR otherwise. A primary whose serial is older
    /// than <paramref name="current"/> gives <see cref="TransferOutcome.PrimaryOlder"/> and nothing to apply.
    /// </summary>
    /// <param name="zone">The zone's apex.</param>
    /// <param name="primary">Where to transfer from.</param>
    /// <param name="current">The SOA we serve now, or null for a first (or forced full) transfer.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<TransferResult> TransferAsync(DnsName zone, PrimaryServer primary, SoaData? current, CancellationToken cancellationToken = default) =>
        TransferAsync(zone, primary, current, null, cancellationToken);

    /// <summary>
    /// Transfers <paramref name="zone"/> as <see cref="TransferAsync(DnsName, PrimaryServer, SoaData?, CancellationToken)"/> does,
    /// telling <paramref name="progress"/> after each message received how many messages, records and octets arrived so
    /// far. The report is called on the transfer's own thread, once per message: it must be quick and must not block.
    /// </summary>
    /// <param name="zone">The zone's apex.</param>
    /// <param name="primary">Where to transfer from.</param>
    /// <param name="current">The SOA we serve now, or null for a first (or forced full) transfer.</param>
    /// <param name="progress">Told the counts after each message, or null.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TransferResult> TransferAsync(DnsName zone, PrimaryServer primary, SoaData? current, IProgress<TransferProgressReport>? progress,
        CancellationToken cancellationToken = default)
    {
        long start = _time.GetTimestamp();
        var counters = new TransferCounters(Options, progress);
        using var deadline = new CancellationTokenSource(Options.TransferTimeout, _time);
        var first = await new TransferSession(zone, primary, current, current is not null, Options, _time, counters)
            .RunAsync(deadline.Token, cancellationToken).ConfigureAwait(false);
        var result = first.Result;
        if (first.FallbackReason is { } reason)
        {
            TransferLog.FallingBack(_logger, zone, primary, current!.Serial, reason);
            var second = await new TransferSession(zone, primary, current, incremental: false, Options, _time, counters)
                .RunAsync(deadline.Token, cancellationToken).ConfigureAwait(false);
            result = second.Result with { FallbackReason = reason };
        }
        result = result with
        {
            MessageCount = counters.Messages,
            ByteCount = counters.Bytes,
            RecordCount = counters.Records,
            Duration = _time.GetElapsedTime(start),
        };
        Log(result);
        return result;
    }

    /// <summary>
    /// Asks whether <paramref name="primary"/> will transfer <paramref name="zone"/> to us, without transferring it: an IXFR
    /// from <paramref name="current"/> (the SOA the primary just gave, so a permitted primary answers with that SOA alone,
    /// RFC 1995 §2 and §4), over one TCP connection closed after the first message. When the IXFR fails in a way an AXFR
    /// may not (an error RCODE, an answer that breaks the protocol), an AXFR is asked for on a new connection and closed
    /// after its first message too (RFC 5936 §4.1 lets a client end the connection), since the first refresh of a new zone
    /// is an AXFR; <see cref="TransferResult.FallbackReason"/> then says why. TSIG failures, timeouts and network errors end
    /// the probe, as they end a transfer.
    /// </summary>
    /// <returns>
    /// A success (<see cref="TransferOutcome.UpToDate"/>, <see cref="TransferOutcome.Ixfr"/>, <see cref="TransferOutcome.Axfr"/>,
    /// or <see cref="TransferOutcome.PrimaryOlder"/> when the serial moved back meanwhile) when a first message passed every
    /// check (ID, question, TSIG, RCODE); nothing of the zone is kept: <see cref="TransferResult.Built"/> is null and
    /// <see cref="TransferResult.Diffs"/> empty. Otherwise the failure, as a transfer reports it.
    /// </returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TransferResult> ProbeTransferAsync(DnsName zone, PrimaryServer primary, SoaData current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        long start = _time.GetTimestamp();
        var counters = new TransferCounters(Options);
        using var deadline = new CancellationTokenSource(Options.TransferTimeout, _time);
        var first = await new TransferSession(zone, primary, current, incremental: true, Options, _time, counters, firstMessageOnly: true)
            .RunAsync(deadline.Token, cancellationToken).ConfigureAwait(false);
        var result = first.Result;
        if (first.FallbackReason is { } reason)
        {
            var second = await new TransferSession(zone, primary, current, incremental: false, Options, _time, counters, firstMessageOnly: true)
                .RunAsync(deadline.Token, cancellationToken).ConfigureAwait(false);
            result = second.Result with { FallbackReason = reason };
        }
        result = result with
        {
            Built = null,
            Diffs = [],
            MessageCount = counters.Messages,
            ByteCount = counters.Bytes,
            RecordCount = counters.Records,
            Duration = _time.GetElapsedTime(start),
        };
        return result; // the caller logs what the probe found
    }

    private void Log(TransferResult result)
    {
        if (result.IsSuccess)
            TransferLog.TransferDone(_logger, result.Outcome, result.Zone, result.Primary, result.Soa?.Serial, result.RecordCount,
                result.MessageCount, result.ByteCount, (long)result.Duration.TotalMilliseconds);
        else
            TransferLog.TransferFailed(_logger, result.Zone, result.Primary, result.Outcome, result.Soa?.Serial, result.Error);
    }
}
