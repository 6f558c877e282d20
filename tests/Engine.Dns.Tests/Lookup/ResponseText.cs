using System.Text;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>Readable views of a response for assertions and failure messages.</summary>
internal static class ResponseText
{
    /// <summary>"owner TTL TYPE rdata" lines of a section, owner lowercased.</summary>
    public static List<string> Lines(IEnumerable<DnsRecord> records) =>
        records.Select(r => $"{r.Name.ToString().ToLowerInvariant()} {r.Ttl} {RecordTypeNames.ToText(r.Type)} {r.Data}").ToList();

    public static bool Has(this IEnumerable<DnsRecord> records, string owner, RecordType type) =>
        records.Any(r => r.Type == type && string.Equals(r.Name.ToString(), owner, StringComparison.OrdinalIgnoreCase));

    public static string Describe(DnsMessage message)
    {
        var text = new StringBuilder();
        text.Append($"rcode={message.Rcode} flags={message.Flags} edns={(message.Edns is null ? "no" : "yes")}\n");
        foreach (var (title, records) in new[] { ("answer", message.Answers), ("authority", message.Authorities), ("additional", message.Additionals) })
        {
            foreach (var line in Lines(records))
                text.Append(title).Append(": ").Append(line).Append('\n');
        }
        return text.ToString();
    }
}
