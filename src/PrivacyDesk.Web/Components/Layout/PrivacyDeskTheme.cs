using MudBlazor;

namespace PrivacyDesk.Web.Components.Layout;

/// <summary>The one theme of the app and the sign-in pages: calm blue, high contrast, system fonts (no web-font download).</summary>
public static class PrivacyDeskTheme
{
    private static readonly string[] Fonts = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Liberation Sans", "DejaVu Sans", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5b8f",
            Secondary = "#5c6b7a",
            Tertiary = "#2e7d6b",
            AppbarBackground = "#173f63",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb3e6",
            Secondary = "#a7b4c2",
            Tertiary = "#6cc2ad",
            AppbarBackground = "#14212e",
            Background = "#10171f",
            Surface = "#18222d",
            DrawerBackground = "#14212e",
            Success = "#66bb6a",
            Warning = "#ffb74d",
            Error = "#ef7070",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
