using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Limits;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Scheduling;

namespace SecondaryPortal.Engine.Events;

/// <summary>
/// Answers NOTIFY requests (RFC 1996), on UDP and TCP, as the notify handler of the DNS server's request router. A NOTIFY
/// is accepted only for a secondary zone we run, and only from one of the zone's primaries' addresses or signed with one
/// of its TSIG keys (RFC 1996 §3.10 leaves the policy to the secondary; BIND's allow-notify defaults to the primaries).
/// Accepted, it posts a NOTIFY event to the zone's loop and answers NOERROR at once (RFC 1996 §4.7), signed when the
/// request was (RFC 8945 §5.3); it never transfers on the request path, and a flood of NOTIFYs coalesces in the loop into
/// at most one more SOA check. A zone we do not run gets NOTAUTH (as BIND answers), a sender we do not accept REFUSED, a
/// bad signature NOTAUTH with the TSIG error (RFC 8945 §5.2). Refusals are logged at most once a second.
/// </summary>
public sealed partial class NotifyRequestHandler(
    SecondaryZoneEngine engine,
    TsigVerifier verifier,
    TsigSigner signer,
    TimeProvider time,
    ILogger<NotifyRequestHandler> logger) : IDnsRequestHandler
{
    private readonly FixedWindowLimiter _refusalLog = new(permitLimit: 1, TimeSpan.FromSeconds(1), time);

    /// <inheritdoc/>
    public int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
    {
        switch (NotifyRequest.TryRead(request, out var notify))
        {
            case NotifyRequestStatus.Ignore:
                return 0;
            case NotifyRequestStatus.NotImplemented:
                return NotifyMessage.WriteResponse(notify.Query, request, response, DnsRcode.NotImp);
            case NotifyRequestStatus.Ok:
                return Accept(notify, request, response, context);
            default:
                return HeaderOnly(request, response, DnsRcode.FormErr);
        }
    }

    private int Accept(in NotifyRequest notify, ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
    {
        if (!engine.TryGetZone(notify.Zone, out var loop))
        {
            LogRefused(notify.Zone, context, "we hold no secondary zone of that name", DnsRcode.NotAuth);
            return NotifyMessage.WriteResponse(notify.Query, request, response, DnsRcode.NotAuth);
        }
        TsigVerification? verification = null;
        if (notify.IsSigned)
        {
            if (!DnsMessage.TryParse(request, out var message, out _))
                return NotifyMessage.WriteResponse(notify.Query, request, response, DnsRcode.FormErr);
            verification = verifier.VerifyRequest(request, message, loop.Zone.Keyring);
            if (!verification.IsOk)
            {
                LogRefused(notify.Zone, context, $"TSIG {verification}", verification.ResponseRcode);
                return Signed(NotifyMessage.WriteResponse(notify.Query, request, response, verification.ResponseRcode), response, verification);
            }
        }
        else if (!loop.Zone.IsPrimaryAddress(context.RemoteEndPoint.Address))
        {
            LogRefused(notify.Zone, context, "the sender is not one of the zone's primaries and the request is not signed", DnsRcode.Refused);
            return NotifyMessage.WriteResponse(notify.Query, request, response, DnsRcode.Refused);
        }
        // RFC 1996 §3.11: the serial is a hint. When it is not newer than ours there is nothing to fetch; otherwise the
        // refresh asks the primary for its SOA anyway.
        var served = loop.Zone.Snapshot;
        if (notify.Serial is { } hint && served is not null && !new SerialNumber(hint).IsNewerThan(new SerialNumber(served.Serial)))
            LogAlreadyCurrent(loop.Zone.Origin.ToString(), hint);
        else
            loop.Post(ZoneEvent.Notify);
        int length = NotifyMessage.WriteResponse(notify.Query, request, response, DnsRcode.NoError);
        return verification is null ? length : Signed(length, response, verification);
    }

    private int Signed(int length, Span<byte> response, TsigVerification verification)
    {
        if (length == 0)
            return 0;
        return signer.TrySignResponse(response, length, verification, out int signedLength) ? signedLength : length;
    }

    /// <summary>A response of the request's header alone (its ID and opcode), for a request whose question cannot be read.</summary>
    private static int HeaderOnly(ReadOnlySpan<byte> request, Span<byte> response, DnsRcode rcode)
    {
        if (!DnsHeader.TryRead(request, out var header))
            return 0;
        var writer = new DnsResponseWriter(response, response.Length);
        writer.BeginWithoutQuestion(header, edns: false, DnsHeaderFlags.None);
        return writer.Overflowed ? 0 : writer.Finish(rcode, truncated: false);
    }

    private void LogRefused(DnsName zone, in DnsRequestContext context, string reason, DnsRcode rcode)
    {
        if (_refusalLog.TryAcquire(out long suppressed))
            LogNotifyRefused(zone.ToString(), context.RemoteEndPoint.ToString(), context.Transport, rcode, reason, suppressed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "NOTIFY for {Zone} from {Sender} over {Transport} answered {Rcode}: {Reason} ({Suppressed} similar refusals not logged)")]
    private partial void LogNotifyRefused(string zone, string sender, DnsTransport transport, DnsRcode rcode, string reason, long suppressed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "NOTIFY for {Zone} announces serial {Serial}, which we serve already")]
    private partial void LogAlreadyCurrent(string zone, uint serial);
}
