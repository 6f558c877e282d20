namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>How a site's zone is hosted.</summary>
public enum SiteKind
{
    /// <summary>The customer's primary keeps the zone; we transfer a copy and serve it.</summary>
    Secondary,

    /// <summary>We keep the zone: its records are edited here.</summary>
    Authoritative,
}
