namespace SecondaryPortal.Portal.Api;

/// <summary>A primary in a request: an IPv4 or IPv6 address and a port (53 when omitted).</summary>
/// <param name="Address">"192.0.2.1" or "2001:db8::1".</param>
/// <param name="Port">The port, 53 by default.</param>
public sealed record PrimaryRequest(string? Address, int? Port = null);

/// <summary>The TSIG key of a request: none, one of the account's keys by name, or a new key stored with the zone.</summary>
/// <param name="Mode">"none", "existing" or "new".</param>
/// <param name="Name">The key name (existing or new).</param>
/// <param name="Algorithm">A new key's algorithm (hmac-sha256 by default).</param>
/// <param name="Secret">A new key's secret in base64.</param>
public sealed record KeyRequest(string? Mode, string? Name = null, string? Algorithm = null, string? Secret = null);

/// <summary>The wizard's check step: a live SOA query to each primary with the key.</summary>
/// <param name="Domain">The zone ("example.com", an IDN is accepted).</param>
/// <param name="Primaries">At least one primary.</param>
/// <param name="Key">The key that signs the queries; none when omitted.</param>
public sealed record PrimaryCheckRequest(string? Domain, IReadOnlyList<PrimaryRequest>? Primaries, KeyRequest? Key);

/// <summary>
/// A new zone, created as a draft the way the wizard does (not served until published): secondary with its primaries
/// and key, or authoritative, empty (SOA and NS defaults) or from a master file.
/// </summary>
/// <param name="Domain">The zone ("example.com", an IDN is accepted and stored as punycode).</param>
/// <param name="Kind">"secondary" or "authoritative".</param>
/// <param name="Primaries">A secondary zone's primaries, in the order they are tried (at least one).</param>
/// <param name="Key">A secondary zone's TSIG key.</param>
/// <param name="ZoneFile">An authoritative zone's records as a master file; empty: SOA and NS defaults.</param>
/// <param name="Publish">True to make the zone live at once instead of leaving it for review.</param>
public sealed record ZoneCreateRequest(string? Domain, string? Kind, IReadOnlyList<PrimaryRequest>? Primaries = null, KeyRequest? Key = null,
    string? ZoneFile = null, bool Publish = false);

/// <summary>One primary's answer to the check.</summary>
/// <param name="Primary">The primary ("192.0.2.1:53").</param>
/// <param name="Outcome">Ok, Timeout, ConnectionRefused, Refused, NotAuth, NotAuthoritative, BadKey, BadSig, BadTime ...</param>
/// <param name="Serial">The zone's serial there, when the check worked.</param>
/// <param name="Message">What it means and what to check, in words.</param>
/// <param name="DurationMs">How long the check took.</param>
public sealed record PrimaryCheckAnswer(string Primary, string Outcome, uint? Serial, string Message, long DurationMs);

/// <summary>The check's answer.</summary>
/// <param name="CanContinue">True when at least one primary answered with the zone's serial.</param>
/// <param name="Message">A summary in words.</param>
/// <param name="Primaries">One answer per primary, in order.</param>
public sealed record PrimaryCheckResponse(bool CanContinue, string Message, IReadOnlyList<PrimaryCheckAnswer> Primaries);

/// <summary>A zone just created.</summary>
/// <param name="Id">The zone's id.</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="Published">True when it is live; false while it waits for review.</param>
public sealed record ZoneCreated(long Id, string Message, bool Published);
