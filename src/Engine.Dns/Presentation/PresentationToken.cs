namespace SecondaryPortal.Dns.Presentation;

/// <summary>One word of presentation-format text (a zone file field), where it was found, and whether it was quoted.</summary>
/// <param name="Text">The text as written, escapes not yet decoded, quotes removed.</param>
/// <param name="Quoted">True when the field was a "quoted string".</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number.</param>
public readonly record struct PresentationToken(string Text, bool Quoted, int Line, int Column);
