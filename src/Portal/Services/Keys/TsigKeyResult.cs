namespace SecondaryPortal.Portal.Services.Keys;

/// <summary>The outcome of creating or deleting a TSIG key, with a message fit to show a user.</summary>
/// <param name="Succeeded">True when the change was made.</param>
/// <param name="Message">One sentence: what happened, or what to fix.</param>
/// <param name="Field">The input at fault ("Name", "Algorithm", "Secret") when a value was refused; null otherwise.</param>
/// <param name="Key">The key created; null otherwise.</param>
public sealed record TsigKeyResult(bool Succeeded, string Message, string? Field = null, TsigKeyInfo? Key = null);
