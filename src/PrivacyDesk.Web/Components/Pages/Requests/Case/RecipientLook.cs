using MudBlazor;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Web.Components.Pages.Requests.Case;

/// <summary>The colour and icon of an Art. 19 notification's status chip in the recipients panel.</summary>
internal static class RecipientLook
{
    public static Color StatusColor(RecipientNotificationStatus status) => status switch
    {
        RecipientNotificationStatus.Sent => Color.Success,
        RecipientNotificationStatus.Open => Color.Warning,
        _ => Color.Default,
    };

    public static string StatusIcon(RecipientNotificationStatus status) => status switch
    {
        RecipientNotificationStatus.Sent => Icons.Material.Filled.MarkEmailRead,
        RecipientNotificationStatus.Open => Icons.Material.Filled.HourglassEmpty,
        _ => Icons.Material.Filled.DoNotDisturbOn,
    };
}
