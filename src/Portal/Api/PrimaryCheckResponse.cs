namespace SecondaryPortal.Portal.Api;

/// <summary>The check's answer.</summary>
/// <param name="CanContinue">True when at least one primary answered with the zone's serial.</param>
/// <param name="Message">A summary in words.</param>
/// <param name="Primaries">One answer per primary, in order.</param>
public sealed record PrimaryCheckResponse(bool CanContinue, string Message, IReadOnlyList<PrimaryCheckAnswer> Primaries);
