using System.Buffers.Binary;

namespace SecondaryPortal.Dns.Wire;

/// <summary>The fixed 12-octet message header (RFC 1035 §4.1.1).</summary>
public record struct DnsHeader
{
    /// <summary>Size of the header in octets.</summary>
    public const int Size = 12;

    /// <summary>Query identifier, copied into the response.</summary>
    public ushort Id { get; set; }

    /// <summary>The QR, AA, TC, RD, RA, AD and CD bits.</summary>
    public DnsHeaderFlags Flags { get; set; }

    /// <summary>Kind of query.</summary>
    public DnsOpcode Opcode { get; set; }

    /// <summary>The low four bits of the response code.</summary>
    public byte Rcode { get; set; }

    /// <summary>Number of questions.</summary>
    public ushort QuestionCount { get; set; }

    /// <summary>Number of answer records.</summary>
    public ushort AnswerCount { get; set; }

    /// <summary>Number of authority records.</summary>
    public ushort AuthorityCount { get; set; }

    /// <summary>Number of additional records.</summary>
    public ushort AdditionalCount { get; set; }

    /// <summary>True when the QR bit is set.</summary>
    public readonly bool IsResponse => (Flags & DnsHeaderFlags.QR) != 0;

    /// <summary>Decodes a header without allocating; false when fewer than 12 octets are given.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out DnsHeader header)
    {
        header = default;
        if (message.Length < Size)
            return false;
        ushort bits = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        header = new DnsHeader
        {
            Id = BinaryPrimitives.ReadUInt16BigEndian(message),
            Flags = (DnsHeaderFlags)(bits & 0x87F0),
            Opcode = (DnsOpcode)((bits >> 11) & 0xF),
            Rcode = (byte)(bits & 0xF),
            QuestionCount = BinaryPrimitives.ReadUInt16BigEndian(message[4..]),
            AnswerCount = BinaryPrimitives.ReadUInt16BigEndian(message[6..]),
            AuthorityCount = BinaryPrimitives.ReadUInt16BigEndian(message[8..]),
            AdditionalCount = BinaryPrimitives.ReadUInt16BigEndian(message[10..]),
        };
        return true;
    }

    /// <summary>The 16 bits after the ID: flags, opcode and the low rcode bits.</summary>
    public readonly ushort FlagWord => (ushort)(((ushort)Flags & 0x87F0) | ((int)Opcode & 0xF) << 11 | (Rcode & 0xF));

    /// <summary>Writes the header at the writer's position.</summary>
    public readonly void Write(ref DnsWriter writer)
    {
        writer.WriteUInt16(Id);
        writer.WriteUInt16(FlagWord);
        writer.WriteUInt16(QuestionCount);
        writer.WriteUInt16(AnswerCount);
        writer.WriteUInt16(AuthorityCount);
        writer.WriteUInt16(AdditionalCount);
    }
}
