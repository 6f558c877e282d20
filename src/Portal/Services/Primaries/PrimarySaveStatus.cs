namespace SecondaryPortal.Portal.Services.Primaries;

/// <summary>What saving or deleting a primary did (the API maps these to 200/201, 400 and 404).</summary>
public enum PrimarySaveStatus
{
    /// <summary>Added, changed or deleted.</summary>
    Saved,

    /// <summary>A field is not valid: see <see cref="PrimarySaveResult.Errors"/>.</summary>
    Invalid,

    /// <summary>No such primary in the account's scope.</summary>
    NotFound,
}
