namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>One error in a pasted or uploaded zone file.</summary>
/// <param name="Line">The line (from 1), or 0 when the error is about the zone as a whole.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ZoneFileError(int Line, string Message)
{
    /// <summary>"line 4: ..." or the message alone.</summary>
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}
