using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace PrivacyDesk.Web.Components.Shared;

/// <summary>
/// What MudIcon renders for a MudBlazor icon constant, as one cached string: one render-tree frame instead of a component
/// with its own two frame buffers in every circuit (issue 17, ADR 0054, ADR 0059). Raw markup: only ever MudBlazor's icon
/// constants and fixed class names go in, never data.
/// </summary>
public static class PlainIcon
{
    private static readonly ConcurrentDictionary<(string Icon, string Classes), MarkupString> Cache = new();

    /// <param name="icon">A MudBlazor <c>Icons.*</c> constant.</param>
    /// <param name="classes">Fixed class names after <c>mud-icon-root mud-svg-icon</c>, e.g. <c>mud-icon-size-medium</c>.</param>
    public static MarkupString Svg(string icon, string classes) =>
        Cache.GetOrAdd((icon, classes), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon {key.Classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));
}
