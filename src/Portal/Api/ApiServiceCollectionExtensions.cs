using Microsoft.OpenApi;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Api;

/// <summary>The REST API's services: the token-only authorization policy, RFC 7807 problem details and the OpenAPI document.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>The policy of every /api/v1 endpoint: a valid API token (cookies are not accepted, so no CSRF on the API).</summary>
    public const string ApiPolicy = "api";

    /// <summary>The OpenAPI document's name (served at /api/v1/openapi.json).</summary>
    public const string DocumentName = "v1";

    /// <summary>Adds the API's policy, problem details and OpenAPI document.</summary>
    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        services.AddProblemDetails();
        services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            // Only the API: the pages' htmx fragments and the health check are not part of it.
            foreach (var path in document.Paths.Keys.Where(path => !path.StartsWith(ApiEndpoints.Prefix + "/", StringComparison.Ordinal)).ToList())
                document.Paths.Remove(path);
            document.Info.Title = "SecondaryPortal API";
            document.Info.Description = "Zones (secondary and authoritative), primaries, TSIG keys, records, transfers and query analytics. "
                + "Authenticate with an API token created in the portal (API tokens page) or with `token create`: `Authorization: Bearer sp_...`. "
                + "Errors are RFC 7807 problem details; another account's zone is 404.";
            // RFC 6750 bearer tokens on every operation.
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["apiToken"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "An API token (sp_...)" },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiToken", document)] = [] }];
            return Task.CompletedTask;
        }));
        return services;
    }
}
