namespace SecondaryPortal.Engine.Outbound;

/// <summary>What a change to a zone's transfer settings did.</summary>
public enum TransferSettingsChangeStatus
{
    /// <summary>The settings changed.</summary>
    Changed,

    /// <summary>Nothing to do: the entry was already there, or not there to remove.</summary>
    Unchanged,

    /// <summary>No zone of that name is stored.</summary>
    ZoneNotFound,

    /// <summary>The zone is a secondary zone: only our authoritative zones are transferred and notified from here.</summary>
    NotAuthoritative,
}

/// <summary>The outcome of a change to a zone's transfer settings, with a message fit to show a user.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Message">One line that says what happened.</param>
public sealed record TransferSettingsChange(TransferSettingsChangeStatus Status, string Message)
{
    /// <summary>True unless the zone was missing or not authoritative.</summary>
    public bool Succeeded => Status is TransferSettingsChangeStatus.Changed or TransferSettingsChangeStatus.Unchanged;
}
