using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>
/// An incoming NOTIFY (RFC 1996 §3.7), read for a listener: the zone it announces and, when the answer section
/// holds the zone's SOA, the serial the primary suggests (a hint only, §3.11: the secondary still asks the primary
/// for its SOA). Whether the sender may notify the zone (one of its primaries' addresses, or signed with its key)
/// is the caller's check; the TSIG location is in <see cref="Query"/>.
/// </summary>
public readonly record struct NotifyRequest
{
    /// <summary>The request's header, question position, EDNS and TSIG offset, for the response and the TSIG check.</summary>
    public required IncomingQuery Query { get; init; }

    /// <summary>The zone announced (the QNAME).</summary>
    public required DnsName Zone { get; init; }

    /// <summary>The serial of the SOA in the answer section, or null when there is none.</summary>
    public uint? Serial { get; init; }

    /// <summary>The request's ID.</summary>
    public ushort Id => Query.Header.Id;

    /// <summary>True when the request carries a TSIG record (verify it with TsigVerifier.VerifyRequest).</summary>
    public bool IsSigned => Query.TsigOffset >= 0;

    /// <summary>
    /// Reads <paramref name="message"/> as a NOTIFY. <paramref name="request"/> is set for <see cref="NotifyRequestStatus.Ok"/>;
    /// for <see cref="NotifyRequestStatus.NotImplemented"/> only its Query is, enough to write the NOTIMP answer.
    /// Never throws on bad input.
    /// </summary>
    public static NotifyRequestStatus TryRead(ReadOnlySpan<byte> message, out NotifyRequest request)
    {
        request = default;
        if (!DnsHeader.TryRead(message, out var header) || header.IsResponse)
            return NotifyRequestStatus.Ignore;
        if (header.Opcode != DnsOpcode.Notify)
            return NotifyRequestStatus.NotNotify;
        switch (IncomingQuery.TryRead(message, out var query))
        {
            case QueryParseStatus.Ok:
                break;
            case QueryParseStatus.FormatError:
                return NotifyRequestStatus.FormatError;
            default:
                return NotifyRequestStatus.Ignore;
        }
        var zone = DnsName.FromWire(query.Name(message));
        request = new NotifyRequest { Query = query, Zone = zone };
        if (query.Type != RecordType.SOA || query.Class != DnsClass.IN)
            return NotifyRequestStatus.NotImplemented;
        if (!TryReadSerial(message, query, zone, out uint? serial))
            return NotifyRequestStatus.FormatError;
        request = request with { Serial = serial };
        return NotifyRequestStatus.Ok;
    }

    /// <summary>Finds the zone's SOA among the answer records (RFC 1996 §3.7: the answer section MAY hold it).</summary>
    private static bool TryReadSerial(ReadOnlySpan<byte> message, in IncomingQuery query, DnsName zone, out uint? serial)
    {
        serial = null;
        var reader = new DnsReader(message, query.QuestionEnd);
        try
        {
            for (int i = 0; i < query.Header.AnswerCount; i++)
            {
                var record = DnsRecord.Read(ref reader);
                if (serial is null && record.Data is SoaData soa && record.Name.Equals(zone))
                    serial = soa.Serial;
            }
            return true;
        }
        catch (DnsFormatException)
        {
            return false;
        }
    }
}
