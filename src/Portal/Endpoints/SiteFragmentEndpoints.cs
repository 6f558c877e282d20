using Microsoft.AspNetCore.Http.HttpResults;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Components.Pages.Keys;
using SecondaryPortal.Portal.Components.Pages.Sites;
using SecondaryPortal.Portal.Services.Sites;

namespace SecondaryPortal.Portal.Endpoints;

/// <summary>The htmx fragments of the Add Site wizard and the keys page (each page also works without them).</summary>
public static class SiteFragmentEndpoints
{
    /// <summary>
    /// POST /fragments/tsig-secret: the check of a TSIG secret as it is typed (reads the form's fields named ...Secret and
    /// ...Algorithm, so the keys page and the wizard share it); GET /sites/{id}/transfer/progress: the live transfer panel.
    /// </summary>
    public static IEndpointRouteBuilder MapSiteFragments(this IEndpointRouteBuilder endpoints)
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

        endpoints.MapGet("/sites/{id:long}/transfer/progress", async Task<IResult> (long id, HttpContext context, SiteWizardService sites) =>
        {
            var scope = AccountScope.Of(context.User);
            var progress = scope is null ? null : await sites.GetTransferProgressAsync(scope, id, context.RequestAborted);
            return progress is null ? Results.NotFound() : new RazorComponentResult<TransferPanel>(new { Progress = progress });
        }).RequireAuthorization();
        return endpoints;
    }
}
