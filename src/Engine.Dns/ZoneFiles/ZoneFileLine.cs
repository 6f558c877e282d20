using SecondaryPortal.Dns.Presentation;

namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>
/// One logical line of a master file: the tokens of one entry, parentheses already joined (RFC 1035 §5.1).
/// </summary>
/// <param name="Tokens">The tokens, at least one, in order.</param>
/// <param name="StartsWithBlank">
/// True when the line began with a blank, which means the owner was omitted and the previous owner applies
/// (RFC 1035 §5.1).
/// </param>
public sealed record ZoneFileLine(IReadOnlyList<PresentationToken> Tokens, bool StartsWithBlank)
{
    /// <summary>The 1-based line where the entry starts.</summary>
    public int Line => Tokens[0].Line;
}
