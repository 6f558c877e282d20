using Hangfire;
using Microsoft.AspNetCore.Authorization;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Jobs;

/// <summary>Hangfire's dashboard of queued, running, failed and retried jobs, for administrators only.</summary>
public static class JobsDashboardEndpoints
{
    /// <summary>Where the dashboard lives.</summary>
    public const string Path = "/admin/jobs";

    /// <summary>
    /// Maps the dashboard under <see cref="Path"/>. Authorization is ours, not Hangfire's local-requests filter: an
    /// anonymous visitor is sent to sign in and a signed-in customer gets what any admin page gives them.
    /// </summary>
    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        var storage = endpoints.ServiceProvider.GetRequiredService<JobStorage>();
        return endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            AppPath = "/",
            DashboardTitle = "SecondaryPortal jobs",
            DisplayStorageConnectionString = false,
        }, storage).RequireAuthorization(new AuthorizeAttribute { Roles = AccountRoles.Admin });
    }
}
