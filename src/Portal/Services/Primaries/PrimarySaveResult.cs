namespace SecondaryPortal.Portal.Services.Primaries;

/// <summary>The outcome of saving or deleting a primary, with messages fit to show a user.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Message">One line that says what happened.</param>
/// <param name="Id">The primary's id when saved.</param>
/// <param name="Errors">Per field ("Name", "Address", "Port", "KeyName"), what is wrong with it; empty unless invalid.</param>
public sealed record PrimarySaveResult(PrimarySaveStatus Status, string Message, long? Id, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>True when saved.</summary>
    public bool Succeeded => Status == PrimarySaveStatus.Saved;

    internal static PrimarySaveResult NotFound { get; } = new(PrimarySaveStatus.NotFound, "No such primary in your account.", null, new Dictionary<string, string>());

    internal static PrimarySaveResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(PrimarySaveStatus.Invalid, "Check the fields marked below.", null, errors);
}
