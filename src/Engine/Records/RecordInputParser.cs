using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Records;

/// <summary>
/// Turns a <see cref="RecordInput"/> into a record with the presentation parser the zone files use, so a form
/// accepts what a master file would (RFC 1035 §5.1) and says which field is wrong.
/// </summary>
internal static class RecordInputParser
{
    /// <summary>The largest TTL (RFC 2181 §8: a TTL is 31 bits; larger values are taken as 0 by receivers).</summary>
    public const uint MaxTtl = int.MaxValue;

    /// <summary>Parses <paramref name="input"/> for the zone <paramref name="origin"/>; the TTL stays null when not given.</summary>
    public static (DnsName Name, uint? Ttl, RecordData Data)? Parse(RecordInput input, DnsName origin, out RecordEditResult? error, uint serial)
    {
        error = null;
        string nameText = string.IsNullOrWhiteSpace(input.Name) ? "@" : input.Name.Trim();
        if (!DnsName.TryParse(nameText, origin, out var name, out string nameError))
            return Fail(out error, RecordField.Name, $"The name \"{nameText}\" is not valid: {nameError}.", serial);
        if (!name.IsSubdomainOf(origin))
            return Fail(out error, RecordField.Name, $"{name} is outside the zone {origin}: give a name ending in {origin}, or a name relative to it.", serial);
        if (input.Ttl is > MaxTtl)
            return Fail(out error, RecordField.Ttl, $"The TTL must be at most {MaxTtl} seconds (RFC 2181 §8).", serial);
        string typeText = input.Type?.Trim() ?? "";
        if (!RecordTypeNames.TryParse(typeText, out var type))
            return Fail(out error, RecordField.Type, $"\"{typeText}\" is not a record type.", serial);
        if (IsMetaType(type))
            return Fail(out error, RecordField.Type, $"{RecordTypeNames.ToText(type)} is not a type of zone data.", serial);
        string dataText = input.Data?.Trim() ?? "";
        if (dataText.Length == 0)
            return Fail(out error, RecordField.Data, $"The {RecordTypeNames.ToText(type)} record needs its data.", serial);
        try
        {
            return (name, input.Ttl, RecordData.Parse(type, dataText, origin));
        }
        catch (PresentationException e)
        {
            // Our parser's own words: they name the field of the RDATA at fault ("expected an IPv4 address").
            return Fail(out error, RecordField.Data, $"The {RecordTypeNames.ToText(type)} data is not valid: {e.Message}", serial);
        }
        catch (FormatException)
        {
            return Fail(out error, RecordField.Data, $"The {RecordTypeNames.ToText(type)} data is not valid: \"{dataText}\".", serial);
        }
    }

    /// <summary>Types that are not data: OPT, TKEY, TSIG, IXFR, AXFR, MAILB, MAILA, ANY (RFC 6895 §3.1).</summary>
    private static bool IsMetaType(RecordType type) => (ushort)type is 41 or (>= 128 and <= 255);

    private static (DnsName, uint?, RecordData)? Fail(out RecordEditResult? error, RecordField field, string message, uint serial)
    {
        error = new RecordEditResult(RecordEditStatus.Invalid, message, field, serial);
        return null;
    }
}
