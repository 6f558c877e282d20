namespace SecondaryPortal.Engine.Persistence;

/// <summary>Who keeps the master copy of a zone.</summary>
public enum ZoneKind
{
    /// <summary>We are the zone's primary: its records are edited or imported here.</summary>
    Authoritative,

    /// <summary>A customer's primary keeps the zone; we hold a transferred read-only copy.</summary>
    Secondary,
}
