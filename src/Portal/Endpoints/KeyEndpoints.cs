using Microsoft.AspNetCore.Http.HttpResults;
using SecondaryPortal.Portal.Components.Pages.Keys;

namespace SecondaryPortal.Portal.Endpoints;

/// <summary>The htmx fragment that checks a TSIG secret as it is typed, on the keys page and in the Add Site wizard (both also work without it).</summary>
public static class KeyEndpoints
{
    /// <summary>
    /// POST /fragments/tsig-secret: the check of a TSIG secret as it is typed (reads the form's fields named ...Secret and
    /// ...Algorithm, so the keys page and the wizard share it); answers the <see cref="SecretFeedback"/> fragment.
    /// </summary>
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/fragments/tsig-secret", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            string? secret = form.FirstOrDefault(f => f.Key.EndsWith("Secret", StringComparison.OrdinalIgnoreCase)).Value;
            string? algorithm = form.FirstOrDefault(f => f.Key.EndsWith("Algorithm", StringComparison.OrdinalIgnoreCase)).Value;
            string id = form.FirstOrDefault(f => f.Key.EndsWith("Secret", StringComparison.OrdinalIgnoreCase)).Key?.Contains("NewKey", StringComparison.Ordinal) == true
                ? "new-key-secret-feedback" : "key-secret-feedback";
            return new RazorComponentResult<SecretFeedback>(new { Id = id, Algorithm = algorithm, Secret = secret });
        }).RequireAuthorization();
        return endpoints;
    }
}
