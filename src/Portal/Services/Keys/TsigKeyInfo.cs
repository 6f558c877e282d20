namespace SecondaryPortal.Portal.Services.Keys;

/// <summary>A stored TSIG key as a page or the API shows it: never its secret.</summary>
/// <param name="Id">The key's row.</param>
/// <param name="Name">The key name, lowercase with the final dot ("transfer-key.").</param>
/// <param name="Algorithm">The algorithm's mnemonic ("hmac-sha256").</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="OwnerId">The owning account's id; null for a key stored from the command line.</param>
/// <param name="ZoneCount">How many zones sign their traffic with it.</param>
public sealed record TsigKeyInfo(long Id, string Name, string Algorithm, DateTimeOffset CreatedAt, string? OwnerId, int ZoneCount);
