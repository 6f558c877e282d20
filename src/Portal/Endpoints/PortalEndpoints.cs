using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Endpoints;

/// <summary>Maps the health check (the pages are Razor components; see Components/).</summary>
public static class PortalEndpoints
{
    /// <summary>GET /healthz: 200 once the stored zones are loaded, 503 before.</summary>
    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (ZonePublisher publisher) => publisher.IsReady
            ? Results.Text("ok\n", "text/plain")
            : Results.Text("loading zones\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable)).ExcludeFromDescription();
        return endpoints;
    }
}
