using Microsoft.AspNetCore.Http.HttpResults;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Components.Pages.Sites;
using SecondaryPortal.Portal.Services.Sites;

namespace SecondaryPortal.Portal.Endpoints;

/// <summary>The Add Site wizard's htmx fragment (the transfer page also works without it).</summary>
public static class SiteEndpoints
{
    /// <summary>
    /// GET /sites/{id}/transfer/progress: the live transfer panel of a site's first transfer; 404 outside the account's
    /// scope.
    /// </summary>
    public static IEndpointRouteBuilder MapSiteEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sites/{id:long}/transfer/progress", async Task<IResult> (long id, HttpContext context, SiteWizardService sites) =>
        {
            var scope = AccountScope.Of(context.User);
            var progress = scope is null ? null : await sites.GetTransferProgressAsync(scope, id, context.RequestAborted);
            return progress is null ? Results.NotFound() : new RazorComponentResult<TransferPanel>(new { Progress = progress });
        }).RequireAuthorization();
        return endpoints;
    }
}
