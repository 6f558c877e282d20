using System.Diagnostics.CodeAnalysis;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Messages;

/// <summary>
/// A whole DNS message (RFC 1035 §4.1) decoded into sections. The OPT record is lifted into
/// <see cref="Edns"/> and a TSIG record into <see cref="Tsig"/>; both go back in the additional section
/// when the message is written.
/// </summary>
public sealed class DnsMessage
{
    /// <summary>Largest message (TCP length prefix limit, RFC 1035 §4.2.2).</summary>
    public const int MaxSize = ushort.MaxValue;

    private int _optIndex = -1;

    /// <summary>Message identifier.</summary>
    public ushort Id { get; set; }

    /// <summary>Header flag bits.</summary>
    public DnsHeaderFlags Flags { get; set; }

    /// <summary>Kind of message.</summary>
    public DnsOpcode Opcode { get; set; }

    /// <summary>The full response code; values over 15 need <see cref="Edns"/> (RFC 6891 §6.1.3).</summary>
    public DnsRcode Rcode { get; set; }

    /// <summary>The question section.</summary>
    public List<DnsQuestion> Questions { get; } = [];

    /// <summary>The answer section.</summary>
    public List<DnsRecord> Answers { get; } = [];

    /// <summary>The authority section.</summary>
    public List<DnsRecord> Authorities { get; } = [];

    /// <summary>The additional section, without OPT and TSIG.</summary>
    public List<DnsRecord> Additionals { get; } = [];

    /// <summary>EDNS parameters, or null when the message has no OPT record.</summary>
    public Edns? Edns { get; set; }

    /// <summary>The TSIG record (always last in the additional section, RFC 8945 §5.1), or null.</summary>
    public DnsRecord? Tsig { get; set; }

    /// <summary>Where the TSIG record started in the decoded bytes, -1 when there was none.</summary>
    public int TsigOffset { get; private set; } = -1;

    /// <summary>True when QR is set.</summary>
    public bool IsResponse => (Flags & DnsHeaderFlags.QR) != 0;

    /// <summary>The first question, or null.</summary>
    public DnsQuestion? Question => Questions.Count > 0 ? Questions[0] : null;

    /// <summary>A standard query for one name and type, with EDNS when <paramref name="edns"/> is given.</summary>
    public static DnsMessage CreateQuery(DnsName name, RecordType type, ushort id, Edns? edns = null, bool recursionDesired = false)
    {
        var message = new DnsMessage { Id = id, Edns = edns, Flags = recursionDesired ? DnsHeaderFlags.RD : DnsHeaderFlags.None };
        message.Questions.Add(new DnsQuestion(name, type));
        return message;
    }

    /// <summary>Decodes a message; throws <see cref="DnsFormatException"/> when it is malformed.</summary>
    public static DnsMessage Parse(ReadOnlySpan<byte> bytes) => DnsMessageReader.Read(bytes);

    /// <summary>Decodes a message; on failure <paramref name="error"/> says what was wrong and where.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out DnsMessage? message, [NotNullWhen(false)] out DnsFormatException? error)
    {
        try
        {
            message = DnsMessageReader.Read(bytes);
            error = null;
            return true;
        }
        catch (DnsFormatException e)
        {
            message = null;
            error = e;
            return false;
        }
    }

    /// <summary>
    /// Decodes a message as <see cref="TryParse"/> does, but leaves its answer records in the bytes (checked for structure
    /// only, see <see cref="DnsMessageReader.Read(ReadOnlySpan{byte}, bool, out AnswerSection)"/>): <paramref name="answers"/>
    /// says where they are.
    /// </summary>
    internal static bool TryParseSkippingAnswers(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out DnsMessage? message, out AnswerSection answers,
        [NotNullWhen(false)] out DnsFormatException? error)
    {
        try
        {
            message = DnsMessageReader.Read(bytes, skipAnswers: true, out answers);
            error = null;
            return true;
        }
        catch (DnsFormatException e)
        {
            (message, answers, error) = (null, default, e);
            return false;
        }
    }

    internal void SetDecodedPositions(int optIndex, int tsigOffset)
    {
        _optIndex = optIndex;
        TsigOffset = tsigOffset;
    }

    /// <summary>
    /// Writes the message with name compression. Returns the length, or -1 when it does not fit
    /// (nothing is truncated silently; see the responder for TC handling).
    /// </summary>
    public int WriteTo(Span<byte> buffer)
    {
        var writer = new DnsWriter(buffer);
        WriteTo(ref writer);
        return writer.Overflowed ? -1 : writer.Position;
    }

    /// <summary>Writes the message at the writer's position.</summary>
    public void WriteTo(ref DnsWriter writer)
    {
        if ((ushort)Rcode > 0xF && Edns is null && Tsig is null)
            throw new InvalidOperationException($"rcode {Rcode} needs EDNS");
        writer.BeginMessage();
        var additionals = new List<DnsRecord>(Additionals);
        if (Edns is not null)
            additionals.Insert(_optIndex >= 0 && _optIndex <= additionals.Count ? _optIndex : additionals.Count, EdnsRecord.ToRecord(Edns, Rcode));
        if (Tsig is not null)
            additionals.Add(Tsig);
        var header = new DnsHeader
        {
            Id = Id,
            Flags = Flags,
            Opcode = Opcode,
            Rcode = (byte)((ushort)Rcode & 0xF),
            QuestionCount = (ushort)Questions.Count,
            AnswerCount = (ushort)Answers.Count,
            AuthorityCount = (ushort)Authorities.Count,
            AdditionalCount = (ushort)additionals.Count,
        };
        header.Write(ref writer);
        foreach (var question in Questions)
        {
            writer.WriteName(question.Name);
            writer.WriteUInt16((ushort)question.Type);
            writer.WriteUInt16((ushort)question.Class);
        }
        foreach (var section in (ReadOnlySpan<List<DnsRecord>>)[Answers, Authorities, additionals])
        {
            foreach (var record in section)
                record.Write(ref writer);
        }
    }

    /// <summary>The message as a new array.</summary>
    /// <exception cref="InvalidOperationException">The message is larger than 65,535 octets.</exception>
    public byte[] ToArray()
    {
        var buffer = new byte[MaxSize];
        int length = WriteTo(buffer);
        if (length < 0)
            throw new InvalidOperationException("the message is larger than 65535 octets");
        return buffer.AsSpan(0, length).ToArray();
    }
}
