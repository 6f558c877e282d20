using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Endpoints;

/// <summary>Maps the health check.</summary>
public static class HealthEndpoints
{
    /// <summary>GET /healthz: 200 once the stored zones are loaded, 503 before.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (ZonePublisher publisher) => publisher.IsReady
            ? Results.Text("ok\n", "text/plain")
            : Results.Text("loading zones\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable)).ExcludeFromDescription();
        return endpoints;
    }
}
