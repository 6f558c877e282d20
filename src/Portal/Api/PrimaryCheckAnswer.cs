namespace SecondaryPortal.Portal.Api;

/// <summary>One primary's answer to the check.</summary>
/// <param name="Primary">The primary ("192.0.2.1:53").</param>
/// <param name="Outcome">Ok, Timeout, ConnectionRefused, Refused, NotAuth, NotAuthoritative, BadKey, BadSig, BadTime ...</param>
/// <param name="Serial">The zone's serial there, when the check worked.</param>
/// <param name="Message">What it means and what to check, in words.</param>
/// <param name="DurationMs">How long the check took.</param>
public sealed record PrimaryCheckAnswer(string Primary, string Outcome, uint? Serial, string Message, long DurationMs);
