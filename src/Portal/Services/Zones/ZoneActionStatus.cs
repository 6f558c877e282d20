namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>What a zone action did (the REST API maps these to status codes: 200, 200, 400, 409, 404).</summary>
public enum ZoneActionStatus
{
    /// <summary>It was done.</summary>
    Done,

    /// <summary>Nothing to do: already so.</summary>
    Unchanged,

    /// <summary>The input is not valid; the message says why.</summary>
    Invalid,

    /// <summary>Not possible for this zone (an authoritative zone has no primary to refresh from, for example).</summary>
    Refused,

    /// <summary>No such zone in the account's scope.</summary>
    NotFound,
}
