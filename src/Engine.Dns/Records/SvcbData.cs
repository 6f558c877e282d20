using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// A service binding (RFC 9460): SVCB, and HTTPS with the same layout (§9), chosen by the type given at
/// construction. Priority 0 is AliasMode, any other ServiceMode. Parameters are kept in increasing key
/// order, the order the wire form requires (§2.2).
/// </summary>
public sealed class SvcbData : RecordData
{
    private readonly RecordType _type;
    private readonly SvcParam[] _parameters;

    /// <summary>SVCB data; <paramref name="parameters"/> may come in any order but no key twice.</summary>
    public SvcbData(ushort priority, DnsName target, IEnumerable<SvcParam> parameters, RecordType type = RecordType.SVCB)
    {
        if (type is not (RecordType.SVCB or RecordType.HTTPS))
            throw new ArgumentException("SVCB data is of type SVCB or HTTPS", nameof(type));
        _parameters = parameters.OrderBy(p => p.Key).ToArray();
        for (int i = 1; i < _parameters.Length; i++)
        {
            if (_parameters[i].Key == _parameters[i - 1].Key)
                throw new ArgumentException($"{SvcParamKeyNames.ToText(_parameters[i].Key)} appears twice", nameof(parameters));
        }
        Priority = priority;
        Target = target;
        _type = type;
    }

    /// <summary>0 for AliasMode; otherwise lower is preferred.</summary>
    public ushort Priority { get; }

    /// <summary>The target name; "." means the owner name itself in ServiceMode (RFC 9460 §2.5).</summary>
    public DnsName Target { get; }

    /// <summary>The parameters, in increasing key order.</summary>
    public IReadOnlyList<SvcParam> Parameters => _parameters;

    /// <summary>True for AliasMode (priority 0, RFC 9460 §2.4.2).</summary>
    public bool IsAliasMode => Priority == 0;

    /// <inheritdoc/>
    public override RecordType Type => _type;

    /// <summary>The value of <paramref name="key"/>, or null when the record does not have it.</summary>
    public SvcParam? Find(SvcParamKey key) => _parameters.FirstOrDefault(p => p.Key == key);

    internal static SvcbData ReadRdata(ref DnsReader reader, RecordType type)
    {
        ushort priority = reader.ReadUInt16();
        var target = reader.ReadName();
        var parameters = new List<SvcParam>();
        int previous = -1;
        while (reader.Remaining > 0)
        {
            int at = reader.Position;
            var key = (SvcParamKey)reader.ReadUInt16();
            var value = reader.ReadBytes(reader.ReadUInt16());
            // RFC 9460 §2.2: keys in strictly increasing order (so never twice), values in the key's format.
            if ((int)key <= previous)
                throw new DnsFormatException(DnsFormatError.BadRdata, at, "SvcParamKeys not in strictly increasing order");
            if (SvcParamValues.CheckWire(key, value) is { } problem)
                throw new DnsFormatException(DnsFormatError.BadRdata, at, problem);
            parameters.Add(new SvcParam(key, value.ToArray()));
            previous = (int)key;
        }
        return new SvcbData(priority, target, parameters, type);
    }

    internal static SvcbData Parse(PresentationTokens tokens, RecordType type)
    {
        ushort priority = tokens.NextUInt16("the priority");
        var target = tokens.NextName("the target name");
        var parameters = new List<SvcParam>();
        while (!tokens.AtEnd)
        {
            var token = tokens.Peek()!.Value;
            var parameter = SvcParamText.Next(tokens);
            // RFC 9460 §2.1: any order in presentation form, but no key twice.
            if (parameters.Any(p => p.Key == parameter.Key))
                throw tokens.Error($"{SvcParamKeyNames.ToText(parameter.Key)} appears twice", token);
            parameters.Add(parameter);
        }
        var data = new SvcbData(priority, target, parameters, type);
        if (data.CheckConsistency() is { } problem)
            throw tokens.Error(problem);
        return data;
    }

    /// <summary>
    /// Why the parameters are not self-consistent (RFC 9460 §2.4.3), or null: keys listed in mandatory
    /// must be present (§8), and no-default-alpn needs alpn (§7.1.1). Zone-file parsers enforce this.
    /// </summary>
    public string? CheckConsistency()
    {
        if (Find(SvcParamKey.Mandatory) is { } mandatory)
        {
            var keys = mandatory.Value.Span;
            for (int i = 0; i < keys.Length; i += 2)
            {
                var key = (SvcParamKey)((keys[i] << 8) | keys[i + 1]);
                if (Find(key) is null)
                    return $"mandatory lists {SvcParamKeyNames.ToText(key)}, which the record does not have";
            }
        }
        if (Find(SvcParamKey.NoDefaultAlpn) is not null && Find(SvcParamKey.Alpn) is null)
            return "no-default-alpn needs alpn";
        return null;
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteUInt16(Priority);
        // RFC 9460 §2.2: the target is uncompressed; SVCB is not in RFC 4034 §6.2, so it keeps its case.
        writer.WriteName(Target, compress: false, lowercaseWhenCanonical: false);
        foreach (var parameter in _parameters)
        {
            writer.WriteUInt16((ushort)parameter.Key);
            writer.WriteUInt16((ushort)parameter.Value.Length);
            writer.WriteBytes(parameter.Value.Span);
        }
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(Priority).Append(' ');
        Target.AppendPresentation(builder);
        foreach (var parameter in _parameters)
        {
            builder.Append(' ');
            SvcParamValues.AppendPresentation(builder, parameter.Key, parameter.Value.Span);
        }
    }
}
