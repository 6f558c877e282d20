namespace SecondaryPortal.Portal.Accounts;

/// <summary>A token just created (shown once), or why none was.</summary>
/// <param name="Token">The token itself, or null when refused.</param>
/// <param name="Row">Its stored row (hash, name, prefix), or null when refused.</param>
/// <param name="Message">What happened, for the user.</param>
public sealed record ApiTokenCreated(string? Token, ApiToken? Row, string Message);
