using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Probing;

/// <summary>
/// The wizard's live check of a primary: one SOA query (UDP, then TCP when UDP goes unanswered or is truncated),
/// signed with the key when one is given, whose outcome is turned into one sentence that says what to fix. It uses
/// the same client as a refresh (<see cref="ZoneTransferClient.QuerySoaAsync"/>), so a check that passes means the
/// refresh will get its SOA too; it only uses shorter timeouts, since a person waits.
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
    /// Asks <paramref name="primary"/> for the SOA of <paramref name="zone"/>, signed with <paramref name="key"/> when
    /// given. Every outcome is a value; only <paramref name="cancellationToken"/> throws.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<PrimaryCheckResult> CheckAsync(DnsName zone, IPEndPoint primary, TsigKey? key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(primary);
        var answer = await _client.QuerySoaAsync(zone, new PrimaryServer(primary, key), cancellationToken).ConfigureAwait(false);
        var outcome = Classify(answer);
        var result = new PrimaryCheckResult(outcome, zone, primary, key?.Name, answer.IsOk ? answer.Soa!.Serial : null, answer.Duration,
            PrimaryCheckMessages.Describe(outcome, answer, key), answer.IsOk ? null : answer.Error);
        LogChecked(zone, primary, outcome, result.Serial, (long)answer.Duration.TotalMilliseconds);
        return result;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Check of {Zone} at {Primary}: {Outcome}, serial {Serial}, {ElapsedMs} ms")]
    private partial void LogChecked(DnsName zone, IPEndPoint primary, PrimaryCheckOutcome outcome, uint? serial, long elapsedMs);
}
