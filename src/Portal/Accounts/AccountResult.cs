namespace SecondaryPortal.Portal.Accounts;

/// <summary>The outcome of an account operation: success with the user's id, or a message fit to show the user.</summary>
/// <param name="Succeeded">True when it worked.</param>
/// <param name="UserId">The account's id when it worked.</param>
/// <param name="Message">What happened, in words for the user (each Identity error on its own sentence).</param>
public sealed record AccountResult(bool Succeeded, string? UserId, string Message);
