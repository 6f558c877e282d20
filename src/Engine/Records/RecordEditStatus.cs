namespace SecondaryPortal.Engine.Records;

/// <summary>How a record edit ended.</summary>
public enum RecordEditStatus
{
    /// <summary>The change is stored, the serial increased, the journal written and secondaries notified.</summary>
    Saved,

    /// <summary>A field does not parse or is out of range; <see cref="RecordEditResult.Field"/> names it.</summary>
    Invalid,

    /// <summary>The change parses but a nameserver would not take it (CNAME beside other data, a duplicate, the last apex NS ...).</summary>
    Refused,

    /// <summary>The record to replace or delete is not in the zone (it may have just been changed by someone else).</summary>
    RecordNotFound,

    /// <summary>No zone of that origin is stored.</summary>
    ZoneNotFound,

    /// <summary>The zone is a secondary zone: its records come from its primaries.</summary>
    NotAuthoritative,

    /// <summary>The stored zone cannot be read.</summary>
    Unreadable,
}
