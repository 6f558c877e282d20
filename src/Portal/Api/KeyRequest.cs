namespace SecondaryPortal.Portal.Api;

/// <summary>The TSIG key of a request: none, one of the account's keys by name, or a new key stored with the zone.</summary>
/// <param name="Mode">"none", "existing" or "new".</param>
/// <param name="Name">The key name (existing or new).</param>
/// <param name="Algorithm">A new key's algorithm (hmac-sha256 by default).</param>
/// <param name="Secret">A new key's secret in base64.</param>
public sealed record KeyRequest(string? Mode, string? Name = null, string? Algorithm = null, string? Secret = null);
