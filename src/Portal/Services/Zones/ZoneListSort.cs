namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>The columns the zone list can be ordered by, in the database.</summary>
public enum ZoneListSort
{
    /// <summary>The zone's name (its punycode presentation form).</summary>
    Name,

    /// <summary>The serial we hold.</summary>
    Serial,

    /// <summary>The number of records stored.</summary>
    Records,
}
