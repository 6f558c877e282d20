namespace SecondaryPortal.Portal.Api;

/// <summary>A zone just created.</summary>
/// <param name="Id">The zone's id.</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="Published">True when it is live; false while it waits for review.</param>
public sealed record ZoneCreated(long Id, string Message, bool Published);
