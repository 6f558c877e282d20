using System.Net;
using System.Net.Sockets;
using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>An IPv6 address (RFC 3596).</summary>
public sealed class AaaaData(IPAddress address) : RecordData
{
    /// <summary>The address.</summary>
    public IPAddress Address { get; } = address.AddressFamily == AddressFamily.InterNetworkV6
        ? address
        : throw new ArgumentException("an AAAA record holds an IPv6 address", nameof(address));

    /// <inheritdoc/>
    public override RecordType Type => RecordType.AAAA;

    internal static AaaaData ReadRdata(ref DnsReader reader) => new(new IPAddress(reader.ReadBytes(16)));

    internal static AaaaData Parse(PresentationTokens tokens)
    {
        var token = tokens.Next("an IPv6 address");
        if (!token.Text.Contains(':') || !IPAddress.TryParse(token.Text, out var address)
            || address.AddressFamily != AddressFamily.InterNetworkV6 || token.Text.Contains('%'))
            throw tokens.Error($"expected an IPv6 address, found '{token.Text}'", token);
        return new AaaaData(address);
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        Span<byte> bytes = stackalloc byte[16];
        Address.TryWriteBytes(bytes, out _);
        writer.WriteBytes(bytes);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder) => builder.Append(Address);
}
