namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>Something a master file does that is accepted but probably not meant (BIND warns about the same things).</summary>
/// <param name="FileName">The file (or the name given to the text).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Message">What was noticed.</param>
public sealed record ZoneFileWarning(string FileName, int Line, string Message)
{
    /// <summary>"file:line: message".</summary>
    public override string ToString() => $"{FileName}:{Line}: {Message}";
}
