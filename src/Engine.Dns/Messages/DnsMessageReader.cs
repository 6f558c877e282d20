using System.Runtime.CompilerServices;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Messages;

/// <summary>Decodes a whole message, enforcing where OPT and TSIG may appear (RFC 6891 §6.1.1, RFC 8945 §5.1).</summary>
internal static class DnsMessageReader
{
    public static DnsMessage Read(ReadOnlySpan<byte> bytes) => Read(bytes, skipAnswers: false, out _);

    /// <summary>
    /// Decodes a message; with <paramref name="skipAnswers"/> the answer records are checked for structure only (their
    /// names' labels, their lengths, no OPT or TSIG among them) and left out of <see cref="DnsMessage.Answers"/>: a zone
    /// transfer reads them from the bytes straight into a zone, without a record object each.
    /// </summary>
    public static DnsMessage Read(ReadOnlySpan<byte> bytes, bool skipAnswers, out AnswerSection answers)
    {
        if (!DnsHeader.TryRead(bytes, out var header))
            throw new DnsFormatException(DnsFormatError.Truncated, bytes.Length, "shorter than a header");
        var message = new DnsMessage { Id = header.Id, Flags = header.Flags, Opcode = header.Opcode };
        var reader = new DnsReader(bytes, DnsHeader.Size);
        for (int i = 0; i < header.QuestionCount; i++)
            message.Questions.Add(new DnsQuestion(reader.ReadName(), (RecordType)reader.ReadUInt16(), (DnsClass)reader.ReadUInt16()));
        answers = new AnswerSection(reader.Position, header.AnswerCount);
        if (skipAnswers)
            SkipSection(ref reader, header.AnswerCount);
        else
            ReadSection(ref reader, header.AnswerCount, message.Answers);
        ReadSection(ref reader, header.AuthorityCount, message.Authorities);
        int rcode = header.Rcode;
        int optIndex = -1, tsigOffset = -1;
        for (int i = 0; i < header.AdditionalCount; i++)
        {
            int start = reader.Position;
            var record = DnsRecord.Read(ref reader);
            switch (record.Type)
            {
                case RecordType.OPT:
                    if (message.Edns is not null || !record.Name.IsRoot)
                        throw new DnsFormatException(DnsFormatError.BadSection, start, "a second OPT record, or OPT not owned by the root");
                    message.Edns = EdnsRecord.FromRecord(record, out int extended);
                    rcode |= extended << 4;
                    optIndex = message.Additionals.Count;
                    break;
                case RecordType.TSIG:
                    if (i != header.AdditionalCount - 1)
                        throw new DnsFormatException(DnsFormatError.BadSection, start, "TSIG is not the last record");
                    message.Tsig = record;
                    tsigOffset = start;
                    break;
                default:
                    message.Additionals.Add(record);
                    break;
            }
        }
        if (reader.Remaining != 0)
            throw new DnsFormatException(DnsFormatError.TrailingData, reader.Position);
        CheckMisplacedPseudoRecords(message);
        message.Rcode = (DnsRcode)rcode;
        message.SetDecodedPositions(optIndex, tsigOffset);
        return message;
    }

    private static void ReadSection(ref DnsReader reader, int count, List<DnsRecord> section)
    {
        for (int i = 0; i < count; i++)
            section.Add(DnsRecord.Read(ref reader));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SkipSection(ref DnsReader reader, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int start = reader.Position;
            reader.SkipName();
            var type = (RecordType)reader.ReadUInt16();
            if (type is RecordType.OPT or RecordType.TSIG)
                throw new DnsFormatException(DnsFormatError.BadSection, start, $"{type} outside the additional section");
            reader.Skip(6); // class and TTL
            reader.Skip(reader.ReadUInt16());
        }
    }

    /// <summary>OPT and TSIG are only valid in the additional section.</summary>
    private static void CheckMisplacedPseudoRecords(DnsMessage message)
    {
        foreach (var record in message.Answers.Concat(message.Authorities))
        {
            if (record.Type is RecordType.OPT or RecordType.TSIG)
                throw new DnsFormatException(DnsFormatError.BadSection, 0, $"{record.Type} outside the additional section");
        }
    }
}
