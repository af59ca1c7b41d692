using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace PrivacyDesk.Web.Components.Shared;

/// <summary>
/// The classes and icons MudBlazor's components render, for the repeated read-only parts of a page written as plain markup
/// (issue 17: a component each made a circuit heavy; ADR 0054 for the queue's rows, ADR 0057 for the case's assessment).
/// </summary>
internal static class MudMarkup
{
    /// <summary>The classes MudChip gives a small chip.</summary>
    public static string Chip(Variant variant, Color colour, string? extra = null)
    {
        var kind = variant == Variant.Outlined ? "outlined" : variant == Variant.Filled ? "filled" : "text";
        return $"mud-chip mud-chip-{kind} mud-chip-size-small mud-chip-color-{ColourName(colour)}" + (extra is null ? "" : " " + extra);
    }

    /// <summary>What MudText gives a text of this kind and colour (<c>mud-typography mud-typography-body2 mud-secondary-text</c>).</summary>
    public static string Text(Typo typo, Color colour = Color.Default, string? extra = null) =>
        $"mud-typography mud-typography-{typo}" + (colour == Color.Default ? "" : $" mud-{ColourName(colour)}-text") + (extra is null ? "" : " " + extra);

    /// <summary>
    /// What MudIcon renders (a MudBlazor icon constant, no data), as one cached string: one render-tree frame per icon
    /// instead of an element and its attributes. Raw markup: only ever MudBlazor's icon constants and size classes, never data.
    /// </summary>
    public static MarkupString Svg(string icon, string size) =>
        SvgCache.GetOrAdd((icon, size), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon {key.Size}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));

    private static readonly ConcurrentDictionary<(string Icon, string Size), MarkupString> SvgCache = new();

    public static string ColourName(Color colour) => colour switch
    {
        Color.Primary => "primary",
        Color.Secondary => "secondary",
        Color.Tertiary => "tertiary",
        Color.Info => "info",
        Color.Success => "success",
        Color.Warning => "warning",
        Color.Error => "error",
        Color.Dark => "dark",
        _ => "default",
    };
}
