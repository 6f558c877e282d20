namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>Which TSIG key signs the traffic to a site's primaries.</summary>
public enum SiteKeyMode
{
    /// <summary>No TSIG: the primary allows transfers by our address.</summary>
    None,

    /// <summary>One of the account's stored keys, by name.</summary>
    Existing,

    /// <summary>A key created in place (name, algorithm, secret), stored with the zone.</summary>
    New,
}
