using MudBlazor;
using PrivacyDesk.Domain.Rights;

namespace PrivacyDesk.Web.Components.Pages.Requests.Case;

/// <summary>The classes and icons of the assessment's plain markup (ADR 0057): what MudBlazor's components would have rendered.</summary>
internal static class AssessmentLook
{
    public const string Caption = "mud-typography mud-typography-caption mud-secondary-text";
    public const string Body = "mud-typography mud-typography-body2";
    public const string ChipIcon = "mud-icon-size-small mud-chip-icon";
    public const string AlertIcon = "mud-icon-size-medium";

    /// <summary>What MudButton gives a medium primary button.</summary>
    public static string ButtonClass(Variant variant, string? extra = null)
    {
        var kind = variant == Variant.Filled ? "filled" : "outlined";
        return $"mud-button-root mud-button mud-button-{kind} mud-button-{kind}-primary mud-button-{kind}-size-medium mud-ripple" + (extra is null ? "" : " " + extra);
    }

    /// <summary>What MudRadio (primary, dense) gives the box around its input and icon.</summary>
    public static string RadioClass(bool chosen) =>
        "mud-button-root mud-icon-button mud-ripple mud-ripple-radio mud-primary-text hover:mud-primary-hover mud-radio-dense" + (chosen ? " mud-checked" : "");

    public static Color RequirementColour(Requirement requirement) => requirement switch
    {
        Requirement.Comply => Color.Success,
        Requirement.PartiallyComply => Color.Warning,
        Requirement.OfficerJudgement => Color.Info,
        _ => Color.Default,
    };

    public static string RequirementIcon(Requirement requirement) => requirement switch
    {
        Requirement.Comply => Icons.Material.Filled.CheckCircle,
        Requirement.PartiallyComply => Icons.Material.Filled.Rule,
        Requirement.OfficerJudgement => Icons.Material.Filled.Balance,
        _ => Icons.Material.Filled.RemoveCircleOutline,
    };
}
