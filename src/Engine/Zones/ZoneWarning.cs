namespace SecondaryPortal.Engine.Zones;

/// <summary>One thing about a zone's data a person should know before it goes live.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Message">One or two sentences fit to show a user: what was found and what it means or what to check.</param>
/// <param name="Count">How many names or records it concerns (at least 1).</param>
/// <param name="Examples">A few of the names concerned, in presentation form (at most <see cref="ZoneWarnings.MaxExamples"/>).</param>
public sealed record ZoneWarning(ZoneWarningKind Kind, string Message, int Count, IReadOnlyList<string> Examples);
