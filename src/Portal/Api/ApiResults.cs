using Microsoft.AspNetCore.Http.HttpResults;

namespace SecondaryPortal.Portal.Api;

/// <summary>The API's error answers as RFC 7807 problem details, worded for the caller.</summary>
public static class ApiResults
{
    /// <summary>404: the thing does not exist or belongs to another account (the two are not told apart).</summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what} with that id is visible to this account.");

    /// <summary>400 with one field's message (RFC 7807 §3.2 extension "errors", as ASP.NET's validation problems carry).</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid", detail: message);

    /// <summary>409: the request conflicts with what is stored (a zone already present, a key in use).</summary>
    public static ProblemHttpResult Conflict(string message) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: message);

    /// <summary>429 with when to try again (RFC 6585 §4), in the detail and as a Retry-After header in whole seconds (RFC 9110 §10.2.3).</summary>
    public static IResult TooManyRequests(string message, TimeSpan retryAfter) => new RetryAfterResult(
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: message),
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));

    private sealed class RetryAfterResult(ProblemHttpResult problem, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
