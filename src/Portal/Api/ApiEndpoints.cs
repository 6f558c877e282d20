namespace SecondaryPortal.Portal.Api;

/// <summary>Maps the REST API under /api/v1 (token-authenticated) and its OpenAPI document at /api/v1/openapi.json.</summary>
public static class ApiEndpoints
{
    /// <summary>The API's path prefix.</summary>
    public const string Prefix = "/api/v1";

    /// <summary>Maps every API group.</summary>
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(Prefix + "/openapi.json").AllowAnonymous();
        var api = endpoints.MapGroup(Prefix).RequireAuthorization(ApiServiceCollectionExtensions.ApiPolicy).DisableAntiforgery();
        api.MapAccountApi();
        api.MapAnalyticsApi();
        return endpoints;
    }
}
