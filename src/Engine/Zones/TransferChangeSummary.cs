namespace SecondaryPortal.Engine.Zones;

/// <summary>Which records one transfer changed (see <see cref="TransferChanges"/>).</summary>
/// <param name="Added">Records added.</param>
/// <param name="Removed">Records removed.</param>
/// <param name="Text">The first changed records, one a line with "+ " or "- ", or null when none is listed.</param>
public sealed record TransferChangeSummary(int Added, int Removed, string? Text);
