namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// An API token of an account. Only a SHA-256 hash of the token is stored: the token itself is shown once, when it is
/// created, and a leaked database does not hand out working tokens.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The owning user's id.</summary>
    public required string UserId { get; set; }

    /// <summary>The label the user gave ("ci", "terraform").</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the token ("sp_AbC1"), so a user can tell tokens apart without the secret.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole token, lowercase hex; unique.</summary>
    public required string Hash { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it last authenticated a request (updated at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
