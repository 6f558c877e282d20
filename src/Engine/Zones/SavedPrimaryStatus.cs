namespace SecondaryPortal.Engine.Zones;

/// <summary>How a change to a saved primary ended.</summary>
public enum SavedPrimaryStatus
{
    /// <summary>Added or updated.</summary>
    Saved,

    /// <summary>Removed.</summary>
    Removed,

    /// <summary>The name, address or port is not acceptable; nothing changed.</summary>
    Invalid,

    /// <summary>The account has a saved primary of that name already; nothing changed.</summary>
    NameTaken,

    /// <summary>The TSIG key chosen is not one of the account's; nothing changed.</summary>
    KeyNotFound,

    /// <summary>No such saved primary for this account.</summary>
    NotFound,
}
