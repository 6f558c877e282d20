using System.Net;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// Tells a secondary that a zone changed (RFC 1996 §3): sends a NOTIFY over UDP and retransmits it, with a growing
/// timeout, until a matching response arrives (same ID, opcode NOTIFY, same question, from the secondary's address
/// and port, §3.6) or the attempts run out. Signed with the target's key when it has one; an answer that does not
/// verify is set aside while waiting goes on (it may be spoofed). Outcomes are values; only the caller's
/// cancellation throws. One instance serves every zone and thread.
/// </summary>
public sealed partial class NotifySender
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<TimeSpan> _timeouts;

    /// <summary>A sender using <paramref name="timeProvider"/> for timeouts and TSIG times.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public NotifySender(TimeProvider timeProvider, ILogger<NotifySender> logger, NotifySenderOptions? options = null)
    {
        _time = timeProvider;
        _logger = logger;
        Options = options ?? new NotifySenderOptions();
        _timeouts = Options.AttemptTimeouts();
    }

    /// <summary>The retransmission schedule in use.</summary>
    public NotifySenderOptions Options { get; }

    /// <summary>Notifies <paramref name="target"/> that <paramref name="zone"/> changed, with its new SOA as a hint when given.</summary>
    /// <param name="zone">The zone's apex.</param>
    /// <param name="soa">The zone's new SOA record, put in the answer section (RFC 1996 §3.7), or null.</param>
    /// <param name="target">The secondary.</param>
    /// <param name="cancellationToken">Stops the retransmissions.</param>
    /// <exception cref="ArgumentException"><paramref name="soa"/> is not a SOA record of <paramref name="zone"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<NotifyResult> SendAsync(DnsName zone, DnsRecord? soa, NotifyTarget target, CancellationToken cancellationToken = default)
    {
        long start = _time.GetTimestamp();
        ushort id = ResponseChecks.RandomId();
        var message = NotifyMessage.CreateRequest(zone, id, soa);
        var question = message.Questions[0];
        TsigSignedRequest? signed = null;
        byte[] request = target.Key is { } key ? new TsigSigner(_time).SignRequest(message, key, out signed) : message.ToArray();
        NotifyResult? answer = null;
        string? badTsig = null;

        bool OnDatagram(ReadOnlySpan<byte> datagram)
        {
            if (!DnsMessage.TryParse(datagram, out var response, out _) || !ResponseChecks.Matches(response, id, DnsOpcode.Notify, question))
                return false;
            var verification = signed is null ? null : new TsigVerifier(_time).VerifyResponse(datagram, response, signed);
            if (verification is { IsOk: false, Status: not TsigStatus.PeerError })
            {
                badTsig = ResponseChecks.DescribeTsig(verification, signed!.Key);
                return false;
            }
            answer = Classify(zone, target, response, verification);
            return true;
        }

        var (status, attempts, error, _) = await UdpExchange.RunAsync(target.EndPoint, request, _timeouts, OnDatagram, _time, cancellationToken).ConfigureAwait(false);
        var result = status switch
        {
            UdpExchangeStatus.Answered => answer!,
            UdpExchangeStatus.TimedOut when badTsig is not null => Result(zone, target, NotifyOutcome.BadTsig, badTsig),
            UdpExchangeStatus.TimedOut => Result(zone, target, NotifyOutcome.Timeout, $"no answer from {target.EndPoint} after {attempts} attempt(s)"),
            _ => Result(zone, target, NotifyOutcome.NetworkError, error),
        };
        result = result with { Attempts = attempts, Duration = _time.GetElapsedTime(start) };
        uint? serial = (soa?.Data as SoaData)?.Serial;
        if (result.IsAcknowledged)
            LogAcknowledged(_logger, zone, serial, target.EndPoint, attempts);
        else
            LogFailed(_logger, zone, serial, target.EndPoint, result.Outcome, attempts, result.Error);
        return result;
    }

    private static NotifyResult Classify(DnsName zone, NotifyTarget target, DnsMessage response, TsigVerification? verification)
    {
        if (verification is { Status: TsigStatus.PeerError })
            return Result(zone, target, NotifyOutcome.BadTsig, ResponseChecks.DescribeTsig(verification, target.Key!)) with { Rcode = response.Rcode };
        var outcome = response.Rcode switch
        {
            DnsRcode.NoError => NotifyOutcome.Acknowledged,
            DnsRcode.Refused => NotifyOutcome.Refused,
            DnsRcode.NotAuth => NotifyOutcome.NotAuthoritative,
            _ => NotifyOutcome.ServerError,
        };
        string? error = outcome == NotifyOutcome.Acknowledged ? null
            : $"the secondary answered {ResponseChecks.RcodeText(response.Rcode)}{ResponseChecks.RcodeHint(response.Rcode)}";
        return Result(zone, target, outcome, error) with { Rcode = response.Rcode };
    }

    private static NotifyResult Result(DnsName zone, NotifyTarget target, NotifyOutcome outcome, string? error) =>
        new() { Outcome = outcome, Zone = zone, Target = target, Error = error };

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "NOTIFY for {Zone} (serial {Serial}) acknowledged by {Secondary} after {Attempts} attempt(s)")]
    private static partial void LogAcknowledged(ILogger logger, DnsName zone, uint? serial, IPEndPoint secondary, int attempts);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "NOTIFY for {Zone} (serial {Serial}) to {Secondary} failed ({Outcome}) after {Attempts} attempt(s): {Error}")]
    private static partial void LogFailed(ILogger logger, DnsName zone, uint? serial, IPEndPoint secondary, NotifyOutcome outcome, int attempts, string? error);
}
