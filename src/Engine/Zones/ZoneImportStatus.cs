namespace SecondaryPortal.Engine.Zones;

/// <summary>How an import ended.</summary>
public enum ZoneImportStatus
{
    /// <summary>The zone was valid and now replaces what was stored (or is new).</summary>
    Imported,

    /// <summary>The records do not make a valid zone; the stored zone, if any, is untouched.</summary>
    Invalid,

    /// <summary>The origin belongs to a secondary zone, whose records come only from its primaries.</summary>
    NotAuthoritative,

    /// <summary>
    /// A draft was asked for (<see cref="ZoneImportOptions.AsDraft"/>) or another account imported, and a zone of that name is
    /// already stored (live, or another account's): nothing changed.
    /// </summary>
    Exists,
}
