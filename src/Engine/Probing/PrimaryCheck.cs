using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Probing;

/// <summary>
/// The wizard's live check of a primary: one SOA query (UDP, then TCP when UDP goes unanswered or is truncated), then,
/// once the SOA came, a transfer probe (<see cref="ZoneTransferClient.ProbeTransferAsync"/>: an IXFR at the serial just
/// given, which a permitted primary answers with its SOA alone, RFC 1995 §4, else an AXFR closed after its first
/// message), both signed with the key when one is given. The outcome is turned into one sentence that says what to fix.
/// It uses the same client as a refresh, so a check that passes means the refresh will get its SOA and its transfer
/// too; it only uses shorter timeouts, since a person waits.
/// </summary>
public sealed partial class PrimaryCheck
{
    private readonly ZoneTransferClient _client;
    private readonly ILogger<PrimaryCheck> _logger;

    /// <summary>A check whose timeouts are <paramref name="options"/> (defaults when null).</summary>
    /// <param name="timeProvider">Clock for timeouts and for the TSIG time signed (RFC 8945 §5.2.3).</param>
    /// <param name="clientLogger">The SOA client's log.</param>
    /// <param name="logger">This check's log.</param>
    /// <param name="options">The timeouts.</param>
    /// <exception cref="ArgumentOutOfRangeException">A timeout is not positive, or no UDP attempt.</exception>
    public PrimaryCheck(TimeProvider timeProvider, ILogger<ZoneTransferClient> clientLogger, ILogger<PrimaryCheck> logger, PrimaryCheckOptions? options = null)
    {
        options ??= new PrimaryCheckOptions();
        _client = new ZoneTransferClient(timeProvider, clientLogger, new ZoneTransferClientOptions
        {
            UdpTimeout = options.UdpTimeout,
            UdpAttempts = options.UdpAttempts,
            SoaTcpFallback = true,
            ConnectTimeout = options.ConnectTimeout,
            ReadTimeout = options.ReadTimeout,
        });
        _logger = logger;
    }

    /// <summary>
    /// Asks <paramref name="primary"/> for the SOA of <paramref name="zone"/>, then probes the transfer, both signed with
    /// <paramref name="key"/> when given. Every outcome is a value; only <paramref name="cancellationToken"/> throws.
    /// </summary>
    /// <param name="zone">The zone to check.</param>
    /// <param name="primary">The primary's address and port.</param>
    /// <param name="key">The TSIG key, or null.</param>
    /// <param name="transferSource">Our address as the primary sees it, named in the fixes ("allow transfers to ..."); null when unknown.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<PrimaryCheckResult> CheckAsync(DnsName zone, IPEndPoint primary, TsigKey? key, IPAddress? transferSource = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(primary);
        var server = new PrimaryServer(primary, key);
        var answer = await _client.QuerySoaAsync(zone, server, cancellationToken).ConfigureAwait(false);
        if (!answer.IsOk)
        {
            var failed = Classify(answer);
            LogChecked(zone, primary, failed, null, (long)answer.Duration.TotalMilliseconds);
            return new PrimaryCheckResult(failed, zone, primary, key?.Name, null, answer.Duration, PrimaryCheckMessages.Describe(failed, answer, key), answer.Error);
        }
        uint serial = answer.Soa!.Serial;
        var probe = await _client.ProbeTransferAsync(zone, server, answer.Soa, cancellationToken).ConfigureAwait(false);
        var outcome = Classify(probe, key);
        var duration = answer.Duration + probe.Duration;
        string message = TransferProbeMessages.Describe(outcome, probe with { Duration = duration }, serial, key, transferSource);
        LogChecked(zone, primary, outcome, serial, (long)duration.TotalMilliseconds);
        return new PrimaryCheckResult(outcome, zone, primary, key?.Name, outcome == PrimaryCheckOutcome.Ok ? serial : null, duration, message,
            outcome == PrimaryCheckOutcome.Ok ? null : probe.Error);
    }

    /// <summary>Maps the SOA client's outcome onto the finer outcomes a person needs to fix the cause.</summary>
    internal static PrimaryCheckOutcome Classify(SoaQueryResult answer) => answer.Outcome switch
    {
        SoaQueryOutcome.Ok => PrimaryCheckOutcome.Ok,
        SoaQueryOutcome.Timeout => PrimaryCheckOutcome.Timeout,
        SoaQueryOutcome.Refused => PrimaryCheckOutcome.Refused,
        SoaQueryOutcome.NotAuthoritative => answer.Rcode == DnsRcode.NotAuth ? PrimaryCheckOutcome.NotAuth : PrimaryCheckOutcome.NotAuthoritative,
        SoaQueryOutcome.ServerError => PrimaryCheckOutcome.ServerFailure,
        SoaQueryOutcome.Malformed => PrimaryCheckOutcome.Malformed,
        SoaQueryOutcome.NetworkError => answer.SocketError == SocketError.ConnectionRefused ? PrimaryCheckOutcome.ConnectionRefused : PrimaryCheckOutcome.NetworkError,
        SoaQueryOutcome.BadTsig => answer.TsigError switch
        {
            DnsRcode.BadKey => PrimaryCheckOutcome.BadKey,
            DnsRcode.BadSig => PrimaryCheckOutcome.BadSig,
            DnsRcode.BadTime => PrimaryCheckOutcome.BadTime,
            _ => PrimaryCheckOutcome.BadTsig,
        },
        _ => PrimaryCheckOutcome.Malformed,
    };

    /// <summary>Maps the transfer probe's outcome (after a SOA that came) onto the outcomes a person needs to fix the cause.</summary>
    internal static PrimaryCheckOutcome Classify(TransferResult probe, TsigKey? key) => probe.Outcome switch
    {
        TransferOutcome.UpToDate or TransferOutcome.Ixfr or TransferOutcome.Axfr or TransferOutcome.PrimaryOlder => PrimaryCheckOutcome.Ok,
        TransferOutcome.Refused => PrimaryCheckOutcome.TransferRefused,
        TransferOutcome.NotAuthoritative => key is null ? PrimaryCheckOutcome.KeyRequired : PrimaryCheckOutcome.TransferNotAuth,
        TransferOutcome.BadTsig => probe.TsigError switch
        {
            DnsRcode.BadKey => PrimaryCheckOutcome.BadKey,
            DnsRcode.BadSig => PrimaryCheckOutcome.BadSig,
            DnsRcode.BadTime => PrimaryCheckOutcome.BadTime,
            _ => PrimaryCheckOutcome.BadTsig,
        },
        TransferOutcome.Timeout => PrimaryCheckOutcome.TransferTimeout,
        TransferOutcome.NetworkError => probe.SocketError == SocketError.ConnectionRefused
            ? PrimaryCheckOutcome.TransferConnectionRefused : PrimaryCheckOutcome.TransferNetworkError,
        _ => PrimaryCheckOutcome.TransferFailed,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Check of {Zone} at {Primary}: {Outcome}, serial {Serial}, {ElapsedMs} ms")]
    private partial void LogChecked(DnsName zone, IPEndPoint primary, PrimaryCheckOutcome outcome, uint? serial, long elapsedMs);
}
