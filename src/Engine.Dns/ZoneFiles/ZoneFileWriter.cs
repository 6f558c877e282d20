using System.Text;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>
/// Writes records as a master file (RFC 1035 §5) that <see cref="ZoneFileParser"/> and BIND read back to the
/// same records: an $ORIGIN line, then one record per line with its owner, TTL, class, type and RDATA all
/// written out (no omitted fields, so no parser's defaults matter). Owners at or below the origin are written
/// relative to it ("@", "www") when their suffix has the origin's exact case, so mixed-case owners keep their
/// case; other owners, and every name inside RDATA, are written absolute.
/// </summary>
public static class ZoneFileWriter
{
    /// <summary>Writes <paramref name="records"/>, in the order given, under the origin <paramref name="origin"/>.</summary>
    public static void Write(TextWriter writer, IEnumerable<DnsRecord> records, DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(origin);
        var line = new StringBuilder();
        line.Append("$ORIGIN ");
        origin.AppendPresentation(line);
        line.Append('\n');
        writer.Write(line);
        foreach (var record in records)
        {
            line.Clear();
            AppendRecord(line, record, origin);
            writer.Write(line);
        }
    }

    /// <summary>Writes <paramref name="records"/> to the file at <paramref name="path"/> (UTF-8, replaced if it exists).</summary>
    public static void WriteFile(string path, IEnumerable<DnsRecord> records, DnsName origin)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, records, origin);
    }

    /// <summary>The master-file text of <paramref name="records"/>.</summary>
    public static string ToText(IEnumerable<DnsRecord> records, DnsName origin)
    {
        using var writer = new StringWriter();
        Write(writer, records, origin);
        return writer.ToString();
    }

    /// <summary>
    /// <paramref name="name"/> as an owner field under <paramref name="origin"/>: "@" for the origin itself,
    /// the leading labels for a name below it whose suffix matches the origin case for case, else absolute.
    /// </summary>
    public static string FormatOwner(DnsName name, DnsName origin)
    {
        var builder = new StringBuilder();
        AppendOwner(builder, name, origin);
        return builder.ToString();
    }

    private static void AppendRecord(StringBuilder line, DnsRecord record, DnsName origin)
    {
        AppendOwner(line, record.Name, origin);
        line.Append('\t').Append(record.Ttl)
            .Append('\t').Append(DnsClassNames.ToText(record.Class))
            .Append('\t').Append(RecordTypeNames.ToText(record.Type))
            .Append('\t');
        record.Data.AppendPresentation(line);
        line.Append('\n');
    }

    private static void AppendOwner(StringBuilder builder, DnsName name, DnsName origin)
    {
        int extra = name.LabelCount - origin.LabelCount;
        if (extra < 0 || !name.Parent(extra).EqualsCaseSensitive(origin))
        {
            name.AppendPresentation(builder);
            return;
        }
        if (extra == 0)
        {
            builder.Append('@');
            return;
        }
        // The leading labels, escaped exactly as in an absolute name ("@" and "$" included), without the final dot.
        var relative = DnsName.Root;
        for (int i = extra - 1; i >= 0; i--)
            relative = relative.Prepend(name.GetLabel(i));
        relative.AppendPresentation(builder);
        builder.Length--;
    }
}
