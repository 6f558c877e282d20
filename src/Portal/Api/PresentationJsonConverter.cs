using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Portal.Api;

/// <summary>
/// Writes a value by its presentation form ("example.com.", "192.0.2.1:53", "192.0.2.0/24"), as people and scripts read
/// them, instead of by its properties (an IPAddress's ScopeId throws for IPv4). Requests carry these as plain strings,
/// parsed by the services, so reading is not supported.
/// </summary>
/// <typeparam name="T">DnsName, IPAddress, IPEndPoint or IPNetwork.</typeparam>
public sealed class PresentationJsonConverter<T> : JsonConverter<T>
{
    /// <summary>Adds a converter for each presentation type to <paramref name="options"/>.</summary>
    public static void AddAll(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new PresentationJsonConverter<DnsName>());
        options.Converters.Add(new PresentationJsonConverter<IPAddress>());
        options.Converters.Add(new PresentationJsonConverter<IPEndPoint>());
        options.Converters.Add(new PresentationJsonConverter<IPNetwork>());
    }

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} is read from a string by the service that takes it");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value?.ToString());
    }
}
