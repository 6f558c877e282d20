using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Hosting;

namespace SecondaryPortal.Portal.Endpoints;

/// <summary>Maps the placeholder home page and the health check.</summary>
public static class PortalEndpoints
{
    /// <summary>GET / (the home page) and GET /healthz (200 once the stored zones are loaded, 503 before).</summary>
    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (ZoneTable zones, DnsServerHostedService dns, QueryCounters counters) =>
            Results.Content(HomePage.Render(zones, dns, counters), "text/html; charset=utf-8"));
        endpoints.MapGet("/healthz", (ZonePublisher publisher) => publisher.IsReady
            ? Results.Text("ok\n", "text/plain")
            : Results.Text("loading zones\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }
}
