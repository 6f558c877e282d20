namespace SecondaryPortal.Engine.Zones;

/// <summary>The outcome of a change to a saved primary, with a message fit to show the customer.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Message">One line that says what happened, or what to correct.</param>
/// <param name="Primary">The saved primary as stored now (null unless <see cref="SavedPrimaryStatus.Saved"/>).</param>
/// <param name="Problems">
/// When refused for its input: what is wrong with each field, keyed by the <see cref="SavedPrimaryInput"/> property
/// ("Name", "Address", "Port", "TsigKeyId"); null otherwise.
/// </param>
public sealed record SavedPrimaryResult(SavedPrimaryStatus Status, string Message, SavedPrimaryInfo? Primary = null,
    IReadOnlyDictionary<string, string>? Problems = null)
{
    /// <summary>True when the change was made.</summary>
    public bool Succeeded => Status is SavedPrimaryStatus.Saved or SavedPrimaryStatus.Removed;
}
