using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>Hashed authenticated denial of existence (RFC 5155 §3).</summary>
public sealed class Nsec3Data : RecordData
{
    /// <summary>Flag bit 7: this NSEC3 may cover unsigned delegations (RFC 5155 §3.1.2.1).</summary>
    public const byte OptOutFlag = 0x01;

    /// <summary>NSEC3 data; the salt is at most 255 octets and the next hashed owner 1 to 255.</summary>
    public Nsec3Data(byte hashAlgorithm, byte flags, ushort iterations, byte[] salt, byte[] nextHashedOwner, TypeBitmap types)
    {
        if (salt.Length > 255)
            throw new ArgumentException("the salt holds at most 255 octets", nameof(salt));
        if (nextHashedOwner.Length is 0 or > 255)
            throw new ArgumentException("the next hashed owner name holds 1 to 255 octets", nameof(nextHashedOwner));
        HashAlgorithm = hashAlgorithm;
        Flags = flags;
        Iterations = iterations;
        Salt = salt;
        NextHashedOwner = nextHashedOwner;
        Types = types;
    }

    /// <summary>1 is SHA-1, the only one defined.</summary>
    public byte HashAlgorithm { get; }

    /// <summary>The flags (opt-out).</summary>
    public byte Flags { get; }

    /// <summary>Additional hash iterations.</summary>
    public ushort Iterations { get; }

    /// <summary>The salt appended before hashing (may be empty).</summary>
    public ReadOnlyMemory<byte> Salt { get; }

    /// <summary>The next hashed owner name in hash order, as raw hash octets.</summary>
    public ReadOnlyMemory<byte> NextHashedOwner { get; }

    /// <summary>The types present at the original owner name.</summary>
    public TypeBitmap Types { get; }

    /// <inheritdoc/>
    public override RecordType Type => RecordType.NSEC3;

    internal static Nsec3Data ReadRdata(ref DnsReader reader)
    {
        byte algorithm = reader.ReadByte();
        byte flags = reader.ReadByte();
        ushort iterations = reader.ReadUInt16();
        var salt = reader.ReadCharacterString().ToArray();
        int at = reader.Position;
        var next = reader.ReadCharacterString();
        // RFC 5155 §3.2: the hash length is at least one octet.
        if (next.IsEmpty)
            throw new DnsFormatException(DnsFormatError.BadRdata, at, "the next hashed owner name is empty");
        return new Nsec3Data(algorithm, flags, iterations, salt, next.ToArray(), TypeBitmap.Read(ref reader));
    }

    internal static Nsec3Data Parse(PresentationTokens tokens)
    {
        byte algorithm = tokens.NextByte("the hash algorithm");
        byte flags = tokens.NextByte("the flags");
        ushort iterations = tokens.NextUInt16("the iterations");
        var salt = RdataText.NextSalt(tokens);
        // RFC 5155 §3.3: the next hashed owner is unpadded base32hex.
        var token = tokens.Next("the next hashed owner name in base32hex");
        if (token.Quoted || !Base32Hex.TryDecode(token.Text, out var next) || next.Length is 0 or > 255)
            throw tokens.Error($"expected the next hashed owner name in base32hex, found '{token.Text}'", token);
        return new Nsec3Data(algorithm, flags, iterations, salt, next, TypeBitmap.Parse(tokens));
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteByte(HashAlgorithm);
        writer.WriteByte(Flags);
        writer.WriteUInt16(Iterations);
        writer.WriteCharacterString(Salt.Span);
        writer.WriteCharacterString(NextHashedOwner.Span);
        Types.Write(ref writer);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(HashAlgorithm).Append(' ').Append(Flags).Append(' ').Append(Iterations).Append(' ');
        RdataText.AppendSalt(builder, Salt.Span);
        builder.Append(' ');
        Base32Hex.Append(builder, NextHashedOwner.Span);
        Types.AppendPresentation(builder);
    }
}
