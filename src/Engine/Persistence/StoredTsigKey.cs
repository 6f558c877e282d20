namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// A TSIG key shared with one or more primaries (RFC 8945 §3). The secret is never stored in the clear: it is
/// protected with ASP.NET Core Data Protection (see <see cref="TsigSecretProtector"/>), whose own keys live in the
/// data directory's keys folder. A key belongs to an account (<see cref="OwnerId"/>);
/// its name stays unique over the whole store, because a TSIG request names its key and nothing else (RFC 8945 §4.2).
/// </summary>
public sealed class StoredTsigKey
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The key name in lowercase presentation form with the final dot ("transfer-key."); unique.</summary>
    public required string Name { get; set; }

    /// <summary>The algorithm's mnemonic ("hmac-sha256").</summary>
    public required string Algorithm { get; set; }

    /// <summary>The secret octets, protected by Data Protection (base64url text); never the secret itself.</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>When the key was stored.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The Identity user id of the account that owns the key, or null for one stored from the command line (administrators only).</summary>
    public string? OwnerId { get; set; }
}
