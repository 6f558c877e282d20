using System.Globalization;
using SecondaryPortal.Engine.Records;

namespace SecondaryPortal.Portal.Components.Pages.Zones;

/// <summary>A record form's fields as posted; for an edit or a delete, the record as it was (matched by name, type and data).</summary>
public sealed class RecordFields
{
    /// <summary>The owner ("www", "@", or absolute).</summary>
    public string? Name { get; set; }

    /// <summary>The TTL as typed; blank takes the RRset's or the SOA's.</summary>
    public string? Ttl { get; set; }

    /// <summary>The type mnemonic.</summary>
    public string? Type { get; set; } = "A";

    /// <summary>The RDATA in presentation form.</summary>
    public string? Data { get; set; }

    /// <summary>The edited record's owner.</summary>
    public string? OldName { get; set; }

    /// <summary>The edited record's type.</summary>
    public string? OldType { get; set; }

    /// <summary>The edited record's data.</summary>
    public string? OldData { get; set; }

    /// <summary>The new record, or the TTL's message when it is not a number.</summary>
    public (RecordInput Input, string? TtlError) ToInput()
    {
        string ttl = (Ttl ?? "").Trim();
        if (ttl.Length == 0)
            return (new RecordInput(Name, null, Type, Data), null);
        return uint.TryParse(ttl, NumberStyles.None, CultureInfo.InvariantCulture, out uint value) && value <= int.MaxValue
            ? (new RecordInput(Name, value, Type, Data), null)
            : (new RecordInput(Name, null, Type, Data), "Enter the TTL in seconds, from 0 to 2147483647 (RFC 2181 §8), or leave it blank.");
    }

    /// <summary>The record as it was.</summary>
    public RecordInput Old => new(OldName, null, OldType, OldData);
}
