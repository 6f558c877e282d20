using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>
/// One SOA query to a primary (the first step of a refresh, RFC 1034 §4.3.5): over UDP with retries, over TCP when
/// the answer is truncated (RFC 7766 §5) or, when allowed, when UDP goes unanswered. Signed with the primary's key
/// when it has one; an answer that does not verify is set aside (it may be spoofed, RFC 8945 §5.4) while waiting
/// goes on, and reported only if no good answer comes.
/// </summary>
internal sealed class SoaQuery
{
    private readonly DnsName _zone;
    private readonly PrimaryServer _primary;
    private readonly ZoneTransferClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ushort _id = ResponseChecks.RandomId();
    private readonly DnsQuestion _question;
    private readonly byte[] _request;
    private readonly TsigSignedRequest? _signed;
    private SoaQueryResult? _answer;
    private bool _truncated;
    private string? _badTsig;
    private (DnsMessage Response, TsigVerification Verification)? _setAside;
    private string? _malformed;

    public SoaQuery(DnsName zone, PrimaryServer primary, ZoneTransferClientOptions options, TimeProvider time)
    {
        _zone = zone;
        _primary = primary;
        _options = options;
        _time = time;
        var query = DnsMessage.CreateQuery(zone, RecordType.SOA, _id, new Edns { UdpPayloadSize = options.UdpPayloadSize });
        _question = query.Questions[0];
        _request = primary.Key is { } key ? new TsigSigner(time).SignRequest(query, key, out _signed) : query.ToArray();
    }

    public async Task<SoaQueryResult> RunAsync(CancellationToken cancellationToken)
    {
        var timeouts = Enumerable.Repeat(_options.UdpTimeout, _options.UdpAttempts).ToArray();
        var (status, attempts, error, socketError) = await UdpExchange.RunAsync(_primary.EndPoint, _request, timeouts, OnDatagram, _time, cancellationToken).ConfigureAwait(false);
        if (status == UdpExchangeStatus.Answered && !_truncated)
            return _answer!;
        if (_truncated)
            return await QueryTcpAsync(cancellationToken).ConfigureAwait(false);
        // An unsigned error answer (Knot's NOTAUTH for a zone it does not serve) is reported by its RCODE, as over TCP,
        // once no signed answer came: a forged one could only turn a failure into another failure.
        if (_setAside is { } aside && aside.Response.Rcode != DnsRcode.NoError)
            return Classify(aside.Response, aside.Verification, DnsTransport.Udp);
        if (_badTsig is not null)
            return Result(SoaQueryOutcome.BadTsig, DnsTransport.Udp, _badTsig);
        if (_malformed is not null)
            return Result(SoaQueryOutcome.Malformed, DnsTransport.Udp, _malformed);
        var outcome = status == UdpExchangeStatus.TimedOut ? SoaQueryOutcome.Timeout : SoaQueryOutcome.NetworkError;
        string udpError = status == UdpExchangeStatus.TimedOut
            ? $"no answer over UDP from {_primary.EndPoint} after {attempts} attempt(s) of {TcpTransferConnection.Seconds(_options.UdpTimeout)}"
            : $"over UDP: {error}";
        if (!_options.SoaTcpFallback)
            return Result(outcome, DnsTransport.Udp, udpError) with { SocketError = socketError };
        var tcp = await QueryTcpAsync(cancellationToken).ConfigureAwait(false);
        return tcp.Outcome is SoaQueryOutcome.Timeout or SoaQueryOutcome.NetworkError
            ? Result(outcome, DnsTransport.Tcp, $"{udpError}; then over TCP: {tcp.Error}") with { SocketError = socketError ?? tcp.SocketError }
            : tcp;
    }

    /// <summary>Takes the first datagram that answers our query (RFC 5452 §9.1), ignoring the others.</summary>
    private bool OnDatagram(ReadOnlySpan<byte> datagram)
    {
        if (!DnsMessage.TryParse(datagram, out var response, out var error))
        {
            _malformed = $"the answer from {_primary.EndPoint} cannot be decoded: {error.Message}";
            return false;
        }
        if (!ResponseChecks.Matches(response, _id, DnsOpcode.Query, _question))
            return false;
        if ((response.Flags & DnsHeaderFlags.TC) != 0)
        {
            _truncated = true;
            return true;
        }
        TsigVerification? verification = null;
        if (_signed is not null)
        {
            verification = new TsigVerifier(_time).VerifyResponse(datagram, response, _signed);
            if (!verification.IsOk && verification.Status != TsigStatus.PeerError)
            {
                _badTsig = ResponseChecks.DescribeTsig(verification, _signed.Key);
                _setAside = (response, verification);
                return false;
            }
        }
        _answer = Classify(response, verification, DnsTransport.Udp);
        return true;
    }

    private async Task<SoaQueryResult> QueryTcpAsync(CancellationToken cancellationToken)
    {
        var (connection, timedOut, error, socketError) = await TcpTransferConnection.ConnectAsync(_primary.EndPoint, _options.ConnectTimeout, _time,
            CancellationToken.None, cancellationToken).ConfigureAwait(false);
        if (connection is null)
            return Result(timedOut ? SoaQueryOutcome.Timeout : SoaQueryOutcome.NetworkError, DnsTransport.Tcp, error) with { SocketError = socketError };
        using (connection)
        {
            if (await connection.SendAsync(_request).ConfigureAwait(false) is { } sendError)
                return Result(SoaQueryOutcome.NetworkError, DnsTransport.Tcp, sendError);
            var (bytes, failure, readError) = await connection.ReadAsync(_options.ReadTimeout).ConfigureAwait(false);
            if (bytes is null)
                return Result(failure == TcpReadFailure.MessageTimeout ? SoaQueryOutcome.Timeout : SoaQueryOutcome.NetworkError, DnsTransport.Tcp, readError);
            if (!DnsMessage.TryParse(bytes, out var response, out var parseError))
                return Result(SoaQueryOutcome.Malformed, DnsTransport.Tcp, $"the answer over TCP cannot be decoded: {parseError.Message}");
            if (!ResponseChecks.Matches(response, _id, DnsOpcode.Query, _question))
                return Result(SoaQueryOutcome.Malformed, DnsTransport.Tcp, $"the answer over TCP (ID {response.Id}, {response.Question}) is not for our query (ID {_id}, {_question})");
            var verification = _signed is null ? null : new TsigVerifier(_time).VerifyResponse(bytes, response, _signed);
            return Classify(response, verification, DnsTransport.Tcp);
        }
    }

    /// <summary>What an answer that matches the query says; the RCODE comes before a failed TSIG, so an unsigned REFUSED reads as REFUSED.</summary>
    private SoaQueryResult Classify(DnsMessage response, TsigVerification? verification, DnsTransport transport)
    {
        if (verification is { Status: TsigStatus.PeerError })
        {
            return Result(SoaQueryOutcome.BadTsig, transport, ResponseChecks.DescribeTsig(verification, _signed!.Key), response.Rcode)
                with { TsigError = verification.Record?.Error };
        }
        if (response.Rcode != DnsRcode.NoError)
        {
            var outcome = response.Rcode switch
            {
                DnsRcode.Refused => SoaQueryOutcome.Refused,
                DnsRcode.NotAuth => SoaQueryOutcome.NotAuthoritative,
                _ => SoaQueryOutcome.ServerError,
            };
            return Result(outcome, transport, $"the primary answered {ResponseChecks.RcodeText(response.Rcode)}{ResponseChecks.RcodeHint(response.Rcode)}", response.Rcode);
        }
        if (verification is { IsOk: false })
            return Result(SoaQueryOutcome.BadTsig, transport, ResponseChecks.DescribeTsig(verification, _signed!.Key), response.Rcode);
        if ((response.Flags & DnsHeaderFlags.AA) == 0)
            return Result(SoaQueryOutcome.NotAuthoritative, transport, $"the answer is not authoritative (AA is not set): the primary does not serve {_zone}", response.Rcode);
        var soa = response.Answers.FirstOrDefault(r => r.Data is SoaData && r.Name.Equals(_zone));
        if (soa is null)
            return Result(SoaQueryOutcome.NotAuthoritative, transport, $"the answer holds no SOA of {_zone}: the primary does not serve it as a zone", response.Rcode);
        return Result(SoaQueryOutcome.Ok, transport, null, response.Rcode, (SoaData)soa.Data);
    }

    private SoaQueryResult Result(SoaQueryOutcome outcome, DnsTransport transport, string? error, DnsRcode? rcode = null, SoaData? soa = null) =>
        new() { Outcome = outcome, Zone = _zone, Primary = _primary, Soa = soa, Rcode = rcode, Transport = transport, Error = error };
}
