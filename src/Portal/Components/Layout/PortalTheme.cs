using MudBlazor;

namespace SecondaryPortal.Portal.Components.Layout;

/// <summary>The portal's Material theme: one palette for light and one for dark, the same shapes and type.</summary>
public static class PortalTheme
{
    /// <summary>The theme the layout's theme provider uses.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#00897b",
            AppbarBackground = "#0d2b4e",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            Secondary = "#4db6ac",
            AppbarBackground = "#10161f",
            Background = "#181c22",
            Surface = "#20252d",
            DrawerBackground = "#1b2028",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
