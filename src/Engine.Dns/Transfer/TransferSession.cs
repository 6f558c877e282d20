using System.Runtime.CompilerServices;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>How one connection of a transfer ended; a non-null FallbackReason means "the IXFR failed, ask for AXFR".</summary>
internal sealed record SessionOutcome(TransferResult Result, string? FallbackReason);

/// <summary>
/// One AXFR or IXFR request over one TCP connection (RFC 5936 §4.1, RFC 1995 §3): every message is checked for its
/// ID, QR, opcode and question (RFC 5936 §2.2.1), its TSIG (RFC 8945 §5.3.1) and its RCODE before its records go
/// to the <see cref="TransferStreamParser"/>. A problem of an IXFR that an AXFR may not have (an error RCODE, a
/// malformed answer, a broken diff sequence, a lone newer SOA) asks for the fallback; a TSIG, network, time or
/// size problem ends the transfer.
/// </summary>
internal sealed class TransferSession
{
    private readonly DnsName _zone;
    private readonly PrimaryServer _primary;
    private readonly SoaData? _current;
    private readonly bool _incremental;
    private readonly bool _firstMessageOnly;
    private readonly ZoneTransferClientOptions _options;
    private readonly TimeProvider _time;
    private readonly TransferCounters _counters;
    private readonly ushort _id = ResponseChecks.RandomId();
    private readonly DnsQuestion _question;
    private readonly TransferStreamParser _parser;
    private byte[]? _rdata;
    private int _messages;

    // firstMessageOnly: a probe; the session ends once the first message has passed every check (ID, question, TSIG,
    // RCODE, records), the connection closed without reading on (ZoneTransferClient.ProbeTransferAsync).
    public TransferSession(DnsName zone, PrimaryServer primary, SoaData? current, bool incremental,
        ZoneTransferClientOptions options, TimeProvider time, TransferCounters counters, bool firstMessageOnly = false)
    {
        _zone = zone;
        _primary = primary;
        _current = current;
        _incremental = incremental;
        _firstMessageOnly = firstMessageOnly;
        _options = options;
        _time = time;
        _counters = counters;
        _question = new DnsQuestion(zone, incremental ? RecordType.IXFR : RecordType.AXFR);
        _parser = new TransferStreamParser(zone, incremental, current);
    }

    private string Kind => _incremental ? "IXFR" : "AXFR";

    public async Task<SessionOutcome> RunAsync(CancellationToken deadline, CancellationToken cancellationToken)
    {
        var request = DnsMessage.CreateQuery(_zone, _question.Type, _id);
        if (_incremental)
            request.Authorities.Add(new DnsRecord(_zone, 0, _current!)); // RFC 1995 §3: our SOA in the authority section
        TsigSignedRequest? signed = null;
        byte[] bytes = _primary.Key is { } key ? new TsigSigner(_time).SignRequest(request, key, out signed) : request.ToArray();
        var (connection, timedOut, error, socketError) = await TcpTransferConnection.ConnectAsync(_primary.EndPoint, _options.ConnectTimeout, _time,
            deadline, cancellationToken).ConfigureAwait(false);
        if (connection is null)
            return new SessionOutcome(Result(timedOut ? TransferOutcome.Timeout : TransferOutcome.NetworkError, error) with { SocketError = socketError }, null);
        using (connection)
        using (var verifier = signed is null ? null : new TsigStreamVerifier(signed, _time))
        {
            if (await connection.SendAsync(bytes).ConfigureAwait(false) is { } sendError)
                return End(TransferOutcome.NetworkError, sendError);
            while (true)
            {
                var (message, failure, readError) = await connection.ReadAsync(_options.ReadTimeout).ConfigureAwait(false);
                if (message is null)
                    return ReadFailed(failure, readError!);
                _messages++;
                if (_counters.AddMessage(message.Length) is { } limit)
                    return End(TransferOutcome.LimitExceeded, limit);
                if (Accept(message, verifier) is { } outcome)
                    return outcome;
                if (_firstMessageOnly)
                    return FirstMessageAccepted();
            }
        }
    }

    /// <summary>Checks one message and feeds its records; a result when the transfer ended, null to read on.</summary>
    private SessionOutcome? Accept(byte[] bytes, TsigStreamVerifier? verifier)
    {
        if (!DnsMessage.TryParseSkippingAnswers(bytes, out var message, out var answers, out var parseError))
            return Broken($"message {_messages} cannot be decoded: {parseError.Message}");
        if (CheckHeader(message) is { } headerError)
            return Broken(headerError);
        var verification = verifier?.Feed(bytes, message);
        if (verification is { Status: TsigStatus.PeerError })
            return new SessionOutcome(Result(TransferOutcome.BadTsig, ResponseChecks.DescribeTsig(verification, _primary.Key!), message.Rcode)
                with { TsigError = verification.Record?.Error }, null);
        if (message.Rcode != DnsRcode.NoError)
            return RcodeError(message.Rcode, verification);
        if (verification is { IsOk: false })
            return End(TransferOutcome.BadTsig, $"message {_messages}: {ResponseChecks.DescribeTsig(verification, _primary.Key!)}");
        if (_counters.AddRecords(answers.Count) is { } limit)
            return End(TransferOutcome.LimitExceeded, limit);
        try
        {
            return FeedAnswers(bytes, answers, verifier);
        }
        catch (DnsFormatException e)
        {
            return Broken($"message {_messages} cannot be decoded: {e.Message}");
        }
    }

    /// <summary>
    /// Feeds the answer records to the parser. The records of a whole zone go in as wire parts, the SOA and the records of
    /// an IXFR as records: a million-record AXFR makes no record object per record.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SessionOutcome? FeedAnswers(byte[] bytes, AnswerSection answers, TsigStreamVerifier? verifier)
    {
        var reader = new DnsReader(bytes, answers.Offset);
        Span<byte> owner = stackalloc byte[DnsName.MaxWireLength];
        for (int i = 0; i < answers.Count; i++)
        {
            if (_parser.TakesZoneRecords && FeedZoneRecord(bytes, ref reader, owner))
                continue;
            var step = _parser.Add(DnsRecord.Read(ref reader));
            if (step == TransferParseStep.Failed)
                return Broken($"message {_messages}: {_parser.Error}");
            if (step == TransferParseStep.Complete && _parser.Outcome is TransferOutcome.UpToDate or TransferOutcome.PrimaryOlder)
                return Finish(verifier);
        }
        return _parser.Outcome is null ? null : Finish(verifier);
    }

    /// <summary>
    /// Feeds the next record of a whole zone as wire parts; false, with the reader back at the record, for the SOA (the
    /// parser checks it as a record).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool FeedZoneRecord(byte[] bytes, ref DnsReader reader, scoped Span<byte> owner)
    {
        int start = reader.Position;
        int ownerLength = reader.ReadName(owner);
        var type = (RecordType)reader.ReadUInt16();
        if (type == RecordType.SOA)
        {
            reader = new DnsReader(bytes, start);
            return false;
        }
        var recordClass = (DnsClass)reader.ReadUInt16();
        uint ttl = reader.ReadUInt32();
        _rdata ??= new byte[UncompressedRdata.MaxLength];
        int length = UncompressedRdata.Read(ref reader, type, reader.ReadUInt16(), _rdata);
        _parser.AddZoneRecord(owner[..ownerLength], type, recordClass, ttl, _rdata.AsSpan(0, Math.Max(length, 0)), oversized: length < 0);
        return true;
    }

    /// <summary>RFC 5936 §2.2.1: the ID of the request, QR set, opcode QUERY; the question in the first message, none or the same later.</summary>
    private string? CheckHeader(DnsMessage message)
    {
        if (message.Id != _id)
            return $"message {_messages} has ID {message.Id}, but the request had ID {_id} (RFC 5936 §2.2.1)";
        if (!message.IsResponse || message.Opcode != DnsOpcode.Query)
            return $"message {_messages} is not a response to a query (QR {(message.IsResponse ? 1 : 0)}, opcode {message.Opcode})";
        bool questionOk = message.Questions.Count switch
        {
            0 => _messages > 1,
            1 => message.Questions[0].Equals(_question),
            _ => false,
        };
        return questionOk ? null : $"message {_messages} does not carry our question ({_question}) (RFC 5936 §2.2.1)";
    }

    private SessionOutcome Finish(TsigStreamVerifier? verifier)
    {
        if (verifier?.Complete() is { IsOk: false } last)
            return End(TransferOutcome.BadTsig, ResponseChecks.DescribeTsig(last, _primary.Key!));
        var outcome = _parser.Outcome!.Value;
        string? note = _parser.AxfrStyle ? "the primary answered the IXFR with the whole zone (AXFR-style, RFC 1995 §4)" : null;
        var result = Result(outcome, outcome == TransferOutcome.PrimaryOlder ? _parser.Error : null) with
        {
            Built = outcome == TransferOutcome.Axfr ? _parser.Built : null,
            Diffs = outcome == TransferOutcome.Ixfr ? _parser.Diffs : [],
            FallbackReason = note,
        };
        return new SessionOutcome(result, null);
    }

    /// <summary>
    /// A probe's end after a first message that passed every check but did not end the answer: the primary began the
    /// transfer (a diff sequence, or the whole zone). Nothing of it is kept.
    /// </summary>
    private SessionOutcome FirstMessageAccepted() =>
        new(Result(_parser.TakesZoneRecords || !_incremental ? TransferOutcome.Axfr : TransferOutcome.Ixfr, null), null);

    private SessionOutcome RcodeError(DnsRcode rcode, TsigVerification? verification)
    {
        var outcome = rcode switch
        {
            DnsRcode.Refused => TransferOutcome.Refused,
            DnsRcode.NotAuth => TransferOutcome.NotAuthoritative,
            _ => TransferOutcome.ServerError,
        };
        string where = _messages == 1 ? "" : $" in message {_messages}, after {_counters.Records} records,";
        string unsigned = verification is { IsOk: false } ? " (that answer is not properly signed)" : "";
        string error = $"the primary answered{where} {ResponseChecks.RcodeText(rcode)} to the {Kind} of {_zone}{ResponseChecks.RcodeHint(rcode)}{unsigned}";
        return new SessionOutcome(Result(outcome, error, rcode), _incremental ? error : null);
    }

    private SessionOutcome ReadFailed(TcpReadFailure failure, string error)
    {
        if (_parser.AwaitingSecondRecord && failure is TcpReadFailure.Closed or TcpReadFailure.MessageTimeout)
        {
            string reason = $"the primary answered the IXFR with only its SOA (serial {_parser.FinalSoa!.Serial}), newer than ours, and no changes";
            return new SessionOutcome(Result(TransferOutcome.Malformed, reason), reason);
        }
        string progress = $"after {_messages} message(s) and {_counters.Records} record(s), before the {Kind} was complete";
        return failure switch
        {
            TcpReadFailure.MessageTimeout => End(TransferOutcome.Timeout, $"{error} from the primary {progress}"),
            TcpReadFailure.DeadlinePassed => End(TransferOutcome.Timeout, $"the {Kind} did not finish within {TcpTransferConnection.Seconds(_options.TransferTimeout)} ({progress})"),
            _ => End(TransferOutcome.NetworkError, $"{error} {progress}"),
        };
    }

    /// <summary>A protocol violation; for an IXFR, a reason to ask for AXFR.</summary>
    private SessionOutcome Broken(string error) =>
        new(Result(TransferOutcome.Malformed, error), _incremental ? error : null);

    private SessionOutcome End(TransferOutcome outcome, string? error, DnsRcode? rcode = null) => new(Result(outcome, error, rcode), null);

    private TransferResult Result(TransferOutcome outcome, string? error, DnsRcode? rcode = null) => new()
    {
        Outcome = outcome,
        Zone = _zone,
        Primary = _primary,
        Soa = _parser.FinalSoa,
        Rcode = rcode,
        Error = error,
    };
}
