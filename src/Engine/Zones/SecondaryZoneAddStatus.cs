namespace SecondaryPortal.Engine.Zones;

/// <summary>How adding a secondary zone ended.</summary>
public enum SecondaryZoneAddStatus
{
    /// <summary>Stored; the transfer engine transfers it within a second.</summary>
    Added,

    /// <summary>A zone with this origin is already stored (authoritative or secondary).</summary>
    Exists,

    /// <summary>A TSIG key of that name is stored with another algorithm or secret.</summary>
    KeyConflict,

    /// <summary>A TSIG key was named without a secret, and no key of that name is stored.</summary>
    KeyNotFound,

    /// <summary>No primary was given.</summary>
    NoPrimary,
}
