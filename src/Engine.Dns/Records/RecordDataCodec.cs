using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>Dispatches RDATA decoding and parsing to the type's class; unknown types keep their octets (RFC 3597).</summary>
internal static class RecordDataCodec
{
    public static RecordData Read(RecordType type, ref DnsReader reader, int length) => type switch
    {
        RecordType.A => AData.ReadRdata(ref reader),
        RecordType.AAAA => AaaaData.ReadRdata(ref reader),
        RecordType.NS => new NsData(reader.ReadName()),
        RecordType.CNAME => new CnameData(reader.ReadName()),
        RecordType.PTR => new PtrData(reader.ReadName()),
        RecordType.DNAME => new DnameData(reader.ReadName()),
        RecordType.SOA => SoaData.ReadRdata(ref reader),
        RecordType.MX => MxData.ReadRdata(ref reader),
        RecordType.TXT => TxtData.ReadRdata(ref reader, RecordType.TXT),
        RecordType.SPF => TxtData.ReadRdata(ref reader, RecordType.SPF),
        RecordType.OPT => OptData.ReadRdata(ref reader),
        RecordType.HINFO => HinfoData.ReadRdata(ref reader),
        RecordType.RP => RpData.ReadRdata(ref reader),
        RecordType.AFSDB => AfsdbData.ReadRdata(ref reader),
        RecordType.SRV => SrvData.ReadRdata(ref reader),
        RecordType.NAPTR => NaptrData.ReadRdata(ref reader),
        RecordType.DS => DsData.ReadRdata(ref reader, RecordType.DS),
        RecordType.CDS => DsData.ReadRdata(ref reader, RecordType.CDS),
        RecordType.SSHFP => SshfpData.ReadRdata(ref reader),
        RecordType.RRSIG => RrsigData.ReadRdata(ref reader),
        RecordType.NSEC => NsecData.ReadRdata(ref reader),
        RecordType.DNSKEY => DnskeyData.ReadRdata(ref reader, RecordType.DNSKEY),
        RecordType.CDNSKEY => DnskeyData.ReadRdata(ref reader, RecordType.CDNSKEY),
        RecordType.NSEC3 => Nsec3Data.ReadRdata(ref reader),
        RecordType.NSEC3PARAM => Nsec3ParamData.ReadRdata(ref reader),
        RecordType.TLSA => TlsaData.ReadRdata(ref reader, RecordType.TLSA),
        RecordType.SMIMEA => TlsaData.ReadRdata(ref reader, RecordType.SMIMEA),
        RecordType.OPENPGPKEY => OpenpgpkeyData.ReadRdata(ref reader),
        RecordType.CSYNC => CsyncData.ReadRdata(ref reader),
        RecordType.ZONEMD => ZonemdData.ReadRdata(ref reader),
        RecordType.SVCB => SvcbData.ReadRdata(ref reader, RecordType.SVCB),
        RecordType.HTTPS => SvcbData.ReadRdata(ref reader, RecordType.HTTPS),
        RecordType.URI => UriData.ReadRdata(ref reader),
        RecordType.CAA => CaaData.ReadRdata(ref reader),
        RecordType.LOC => LocData.ReadRdata(ref reader),
        RecordType.TSIG => TsigData.ReadRdata(ref reader),
        _ => new UnknownData(type, reader.ReadBytes(length).ToArray()),
    };

    public static RecordData Parse(RecordType type, PresentationTokens tokens)
    {
        if (tokens.Peek() is { Quoted: false, Text: @"\#" })
            return ParseGeneric(type, tokens);
        RecordData data = type switch
        {
            RecordType.A => AData.Parse(tokens),
            RecordType.AAAA => AaaaData.Parse(tokens),
            RecordType.NS => new NsData(tokens.NextName("a name server")),
            RecordType.CNAME => new CnameData(tokens.NextName("a canonical name")),
            RecordType.PTR => new PtrData(tokens.NextName("a domain name")),
            RecordType.DNAME => new DnameData(tokens.NextName("a target name")),
            RecordType.SOA => SoaData.Parse(tokens),
            RecordType.MX => MxData.Parse(tokens),
            RecordType.TXT => TxtData.Parse(tokens, RecordType.TXT),
            RecordType.SPF => TxtData.Parse(tokens, RecordType.SPF),
            RecordType.HINFO => HinfoData.Parse(tokens),
            RecordType.RP => RpData.Parse(tokens),
            RecordType.AFSDB => AfsdbData.Parse(tokens),
            RecordType.SRV => SrvData.Parse(tokens),
            RecordType.NAPTR => NaptrData.Parse(tokens),
            RecordType.DS => DsData.Parse(tokens, RecordType.DS),
            RecordType.CDS => DsData.Parse(tokens, RecordType.CDS),
            RecordType.SSHFP => SshfpData.Parse(tokens),
            RecordType.RRSIG => RrsigData.Parse(tokens),
            RecordType.NSEC => NsecData.Parse(tokens),
            RecordType.DNSKEY => DnskeyData.Parse(tokens, RecordType.DNSKEY),
            RecordType.CDNSKEY => DnskeyData.Parse(tokens, RecordType.CDNSKEY),
            RecordType.NSEC3 => Nsec3Data.Parse(tokens),
            RecordType.NSEC3PARAM => Nsec3ParamData.Parse(tokens),
            RecordType.TLSA => TlsaData.Parse(tokens, RecordType.TLSA),
            RecordType.SMIMEA => TlsaData.Parse(tokens, RecordType.SMIMEA),
            RecordType.OPENPGPKEY => OpenpgpkeyData.Parse(tokens),
            RecordType.CSYNC => CsyncData.Parse(tokens),
            RecordType.ZONEMD => ZonemdData.Parse(tokens),
            RecordType.SVCB => SvcbData.Parse(tokens, RecordType.SVCB),
            RecordType.HTTPS => SvcbData.Parse(tokens, RecordType.HTTPS),
            RecordType.URI => UriData.Parse(tokens),
            RecordType.CAA => CaaData.Parse(tokens),
            RecordType.LOC => LocData.Parse(tokens),
            RecordType.TSIG => TsigData.Parse(tokens),
            _ => throw tokens.Error($"type {RecordTypeNames.ToText(type)} has no presentation form here; write it as \\# <length> <hex> (RFC 3597)"),
        };
        tokens.ExpectEnd();
        return data;
    }

    /// <summary>RFC 3597 §5: "\# length hex" is valid for every type; known types are decoded from it.</summary>
    private static RecordData ParseGeneric(RecordType type, PresentationTokens tokens)
    {
        tokens.Next(@"\#");
        int length = tokens.NextUInt16("the RDATA length");
        var bytes = tokens.RemainingHex("the RDATA in hexadecimal", allowEmpty: length == 0);
        if (bytes.Length != length)
            throw tokens.Error($"the generic RDATA has {bytes.Length} octets but its length says {length}");
        try
        {
            var reader = new DnsReader(bytes);
            var data = Read(type, ref reader, length);
            if (reader.Remaining != 0)
                throw tokens.Error($"the generic RDATA has {reader.Remaining} octets more than a {RecordTypeNames.ToText(type)} record holds");
            return data;
        }
        catch (DnsFormatException e)
        {
            throw tokens.Error($"the generic RDATA is not a valid {RecordTypeNames.ToText(type)} record: {e.Error}");
        }
    }
}
