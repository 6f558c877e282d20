namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// Refuses, with 429 and a sentence saying why, the posts that check a password or create an account beyond what
/// <see cref="SignInThrottle"/> allows a client address; pages and every other request pass untouched.
/// </summary>
public sealed class SignInThrottleMiddleware(RequestDelegate next, SignInThrottle throttle)
{
    /// <summary>Passes the request on, or answers 429 to a sign-in post over the limit.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsSignInPost(context.Request) || throttle.TryAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
        {
            await next(context);
            return;
        }
        // A body of its own, so the status-code pages leave it alone and the person reads why.
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.RetryAfter = "60";
        await context.Response.WriteAsync("Too many sign-in attempts from this address: wait a minute and try again.", context.RequestAborted);
    }

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/account/login") || request.Path.StartsWithSegments("/account/register") || request.Path.StartsWithSegments(FirstRunGate.SetupPath));
}
