namespace SecondaryPortal.Portal.Api;

/// <summary>The wizard's check step: a live SOA query to each primary with the key.</summary>
/// <param name="Domain">The zone ("example.com", an IDN is accepted).</param>
/// <param name="Primaries">At least one primary.</param>
/// <param name="Key">The key that signs the queries; none when omitted.</param>
public sealed record PrimaryCheckRequest(string? Domain, IReadOnlyList<PrimaryRequest>? Primaries, KeyRequest? Key);
