namespace SecondaryPortal.Portal.Api;

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
