namespace SecondaryPortal.Engine.Records;

/// <summary>The field of a <see cref="RecordInput"/> an error is about, for a form to mark.</summary>
public enum RecordField
{
    /// <summary>The owner name.</summary>
    Name,

    /// <summary>The TTL.</summary>
    Ttl,

    /// <summary>The type.</summary>
    Type,

    /// <summary>The RDATA.</summary>
    Data,
}
