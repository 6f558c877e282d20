namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>The outcome of checking a domain typed in the wizard's first step.</summary>
/// <param name="Succeeded">True when the domain can be added.</param>
/// <param name="Origin">The zone's name in ASCII (punycode for an IDN), lowercase with the final dot; null when the text is not a domain.</param>
/// <param name="DisplayName">The name as a person reads it (Unicode for an IDN), without the final dot; null when not a domain.</param>
/// <param name="Message">One sentence: what is wrong, or how the name will be stored.</param>
public sealed record DomainCheck(bool Succeeded, string? Origin, string? DisplayName, string Message)
{
    /// <summary>True when the stored name (punycode) differs from what a person reads.</summary>
    public bool IsIdn => Origin is not null && DisplayName is not null && !string.Equals(Origin.TrimEnd('.'), DisplayName, StringComparison.Ordinal);
}
