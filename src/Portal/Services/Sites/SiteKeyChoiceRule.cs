namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>How the wizard reads the key option from what was filled in.</summary>
public static class SiteKeyChoiceRule
{
    /// <summary>
    /// The key option: the one chosen, except that a new key's name or secret filled in with "No key" still chosen means
    /// "A new key". A key typed in is never dropped silently: it is checked, and refused beside its field if it is wrong.
    /// </summary>
    public static SiteKeyMode ModeOf(string? chosen, string? newKeyName, string? newKeySecret)
    {
        var mode = Enum.TryParse<SiteKeyMode>(chosen, out var parsed) ? parsed : SiteKeyMode.None;
        bool newKeyTyped = !string.IsNullOrWhiteSpace(newKeyName) || !string.IsNullOrWhiteSpace(newKeySecret);
        return mode == SiteKeyMode.None && newKeyTyped ? SiteKeyMode.New : mode;
    }
}
