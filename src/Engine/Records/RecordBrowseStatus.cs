namespace SecondaryPortal.Engine.Records;

/// <summary>Whether a zone's records could be read for browsing.</summary>
public enum RecordBrowseStatus
{
    /// <summary>The records were read (possibly none: a secondary zone not transferred yet).</summary>
    Found,

    /// <summary>No zone of that origin is stored.</summary>
    NotFound,

    /// <summary>The stored records cannot be decoded (logged with the zone).</summary>
    Unreadable,
}
