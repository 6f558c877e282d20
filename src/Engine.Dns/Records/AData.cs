using System.Net;
using System.Net.Sockets;
using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>An IPv4 address (RFC 1035 §3.4.1).</summary>
public sealed class AData(IPAddress address) : RecordData
{
    /// <summary>The address.</summary>
    public IPAddress Address { get; } = address.AddressFamily == AddressFamily.InterNetwork
        ? address
        : throw new ArgumentException("an A record holds an IPv4 address", nameof(address));

    /// <inheritdoc/>
    public override RecordType Type => RecordType.A;

    internal static AData ReadRdata(ref DnsReader reader) => new(new IPAddress(reader.ReadBytes(4)));

    internal static AData Parse(PresentationTokens tokens)
    {
        var token = tokens.Next("an IPv4 address");
        if (!IPAddress.TryParse(token.Text, out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || token.Text.Count(c => c == '.') != 3)
            throw tokens.Error($"expected an IPv4 address, found '{token.Text}'", token);
        return new AData(address);
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        Span<byte> bytes = stackalloc byte[4];
        Address.TryWriteBytes(bytes, out _);
        writer.WriteBytes(bytes);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder) => builder.Append(Address);
}
