namespace SecondaryPortal.Portal.Components.Layout;

/// <summary>The theme the page opened with (cascaded from the routes to the layout).</summary>
/// <param name="Dark">True for the dark palette.</param>
public sealed record ThemeChoice(bool Dark);
