namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>One warning of the review.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Message">One or two sentences: what, where (a few names), and why it matters.</param>
public sealed record SiteWarning(SiteWarningKind Kind, string Message);
