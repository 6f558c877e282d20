using System.Text;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>A resource record: owner, class, TTL and typed data (RFC 1035 §3.2.1).</summary>
/// <param name="Name">Owner name.</param>
/// <param name="Class">Class, IN for nearly everything.</param>
/// <param name="Ttl">Time to live in seconds.</param>
/// <param name="Data">Typed RDATA; its type is the record's type.</param>
public sealed record DnsRecord(DnsName Name, DnsClass Class, uint Ttl, RecordData Data)
{
    /// <summary>An IN-class record.</summary>
    public DnsRecord(DnsName name, uint ttl, RecordData data)
        : this(name, DnsClass.IN, ttl, data)
    {
    }

    /// <summary>The record's TYPE.</summary>
    public RecordType Type => Data.Type;

    /// <summary>Reads a record at the reader's position (RFC 1035 §4.1.3).</summary>
    public static DnsRecord Read(ref DnsReader reader)
    {
        var name = reader.ReadName();
        var type = (RecordType)reader.ReadUInt16();
        var recordClass = (DnsClass)reader.ReadUInt16();
        uint ttl = reader.ReadUInt32();
        int length = reader.ReadUInt16();
        int outer = reader.PushLimit(length);
        var data = RecordData.Read(type, ref reader, length);
        reader.PopLimit(outer);
        return new DnsRecord(name, recordClass, ttl, data);
    }

    /// <summary>Writes the record; on overflow the writer's flag is set and the caller rewinds.</summary>
    public void Write(ref DnsWriter writer)
    {
        writer.WriteName(Name);
        writer.WriteUInt16((ushort)Type);
        writer.WriteUInt16((ushort)Class);
        writer.WriteUInt32(Ttl);
        int lengthAt = writer.ReserveLength();
        Data.WriteRdata(ref writer);
        writer.PatchLength(lengthAt);
    }

    /// <summary>One master-file line: "www.example.com. 300 IN A 192.0.2.1".</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Name.AppendPresentation(builder);
        builder.Append('\t').Append(Ttl).Append('\t').Append(DnsClassNames.ToText(Class)).Append('\t')
            .Append(RecordTypeNames.ToText(Type)).Append('\t');
        Data.AppendPresentation(builder);
        return builder.ToString();
    }
}
