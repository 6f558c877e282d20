using System.Globalization;
using System.Net;
using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Server;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>
/// Reads the responder's settings: <c>Dns:Listen</c> (a list of address:port, default 127.0.0.1:5300),
/// <c>Dns:UdpReceiveLoops</c> (UDP sockets and threads per endpoint, default one per core), <c>Dns:Region</c>
/// and <c>Dns:MaxUdpPayloadSize</c>, and the responder's query counting: <c>Analytics:CountQueries</c> (default true),
/// <c>Analytics:TopNames</c> (names kept per zone in each top-name sketch, default 64, 0 for none) and
/// <c>Analytics:ClientRegions</c> (a list of <c>{ "Network": "10.0.0.0/8", "Region": "eu-west" }</c>). A bad value
/// stops the start with a message naming its key.
/// </summary>
public static class DnsConfiguration
{
    /// <summary>The listeners' options from <c>Dns:Listen</c>.</summary>
    public static DnsServerOptions ServerOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new DnsServerOptions();
        if (configuration["Dns:UdpReceiveLoops"] is { Length: > 0 } loopsText)
        {
            if (!int.TryParse(loopsText, NumberStyles.None, CultureInfo.InvariantCulture, out int loops) || loops is < 1 or > 256)
                throw new InvalidOperationException($"Dns:UdpReceiveLoops: '{loopsText}' is not a number of receive loops between 1 and 256.");
            options = options with { UdpReceiveLoops = loops };
        }
        var entries = configuration.GetSection("Dns:Listen").GetChildren().Where(entry => !string.IsNullOrWhiteSpace(entry.Value)).ToList();
        if (entries.Count == 0)
            return options;
        var endpoints = new List<IPEndPoint>(entries.Count);
        foreach (var entry in entries)
        {
            try
            {
                endpoints.Add(DnsServerOptions.ParseEndpoint(entry.Value!));
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"{entry.Path}: {e.Message}", e);
            }
        }
        return options with { Endpoints = endpoints };
    }

    /// <summary>The responder's options from <c>Dns:MaxUdpPayloadSize</c> and <c>Analytics:CountQueries</c>.</summary>
    public static ResponderOptions ResponderOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ResponderOptions();
        if (configuration["Dns:MaxUdpPayloadSize"] is { Length: > 0 } sizeText)
        {
            // RFC 6891 §6.2.5: values below 512 are treated as 512; more than 65,535 cannot be expressed.
            if (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size is < 512 or > ushort.MaxValue)
                throw new InvalidOperationException($"Dns:MaxUdpPayloadSize: '{sizeText}' is not a number of octets between 512 and 65535.");
            options = options with { MaxUdpPayloadSize = size };
        }
        if (configuration["Analytics:CountQueries"] is { Length: > 0 } countText)
        {
            if (!bool.TryParse(countText, out bool count))
                throw new InvalidOperationException($"Analytics:CountQueries: '{countText}' is not true or false.");
            options = options with { CountQueries = count };
        }
        return options;
    }

    /// <summary>The query counters' options from <c>Dns:Region</c>, <c>Analytics:TopNames</c> and <c>Analytics:ClientRegions</c>.</summary>
    public static QueryCountingOptions QueryCountingOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new QueryCountingOptions();
        if (configuration["Dns:Region"] is { Length: > 0 } region)
            options = options with { Region = region };
        if (configuration["Analytics:TopNames"] is { Length: > 0 } topText)
        {
            if (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out int top) || top > 65_536)
                throw new InvalidOperationException($"Analytics:TopNames: '{topText}' is not a number of names between 0 and 65536.");
            options = options with { TopNamesCapacity = top };
        }
        var networks = configuration.GetSection("Analytics:ClientRegions").GetChildren()
            .Select(entry => new ClientRegionNetwork(entry["Network"] ?? "", entry["Region"] ?? ""))
            .ToList();
        if (networks.Count == 0)
            return options;
        if (!ClientRegionMap.TryCreate(networks, out var map, out string error))
            throw new InvalidOperationException($"Analytics:ClientRegions: {error}");
        return options with { ClientRegions = map };
    }
}
