namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// On a fresh install (no account yet) every page sends the visitor to <see cref="SetupPath"/> to create the admin
/// account; once one exists, the answer is remembered and the check costs nothing. The API, the health check and static
/// files (ours, the framework's and MudBlazor's) are left alone.
/// </summary>
public sealed class FirstRunGate(RequestDelegate next)
{
    /// <summary>The page that creates the first (admin) account.</summary>
    public const string SetupPath = "/setup";

    private volatile bool _hasAccounts;

    /// <summary>Redirects to the set-up page while no account exists.</summary>
    public async Task InvokeAsync(HttpContext context, AccountService accounts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accounts);
        if (!_hasAccounts && IsPage(context.Request.Path))
        {
            _hasAccounts = await accounts.AnyAccountAsync(context.RequestAborted);
            if (!_hasAccounts && !context.Request.Path.StartsWithSegments(SetupPath))
            {
                context.Response.Redirect(SetupPath);
                return;
            }
        }
        await next(context);
    }

    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/healthz") && !path.StartsWithSegments("/lib")
        && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js") && !path.StartsWithSegments("/favicon.svg")
        // blazor.web.js, MudBlazor's files and the circuit's hub (the set-up page itself needs the first two).
        && !path.StartsWithSegments("/_framework") && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/_blazor");
}
