namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Table "QueryTopNames": a name among a zone's most queried in one hour or one day, with the sum of the sketch's
/// estimates for it over that time. Writers add to a row (upsert).
/// </summary>
public sealed class QueryTopName
{
    /// <summary>3600 for an hour row, 86400 for a day row.</summary>
    public int Resolution { get; set; }

    /// <summary>The hour's or day's start in Unix seconds (UTC).</summary>
    public long BucketStart { get; set; }

    /// <summary>The zone ("example.com.").</summary>
    public required string Zone { get; set; }

    /// <summary>Whether this row counts NXDOMAIN answers only (the zone's top NXDOMAIN names) or every answer.</summary>
    public bool NxDomain { get; set; }

    /// <summary>The name, lower case, fully qualified.</summary>
    public required string Name { get; set; }

    /// <summary>The summed estimate.</summary>
    public long Count { get; set; }
}
