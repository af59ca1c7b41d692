using MudBlazor;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Web.Components.Pages.Requests.Case;

/// <summary>How a collection task's status looks in the collection panel: its chip colour and icon.</summary>
public static class CollectionTaskLook
{
    public static Color Color(DataCollectionStatus status) => status switch
    {
        DataCollectionStatus.ExtractReceived => MudBlazor.Color.Success,
        DataCollectionStatus.NotApplicable => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Warning,
    };

    public static string Icon(DataCollectionStatus status) => status switch
    {
        DataCollectionStatus.ExtractReceived => Icons.Material.Filled.CheckCircle,
        DataCollectionStatus.NotApplicable => Icons.Material.Filled.DoNotDisturbOn,
        _ => Icons.Material.Filled.HourglassEmpty,
    };
}
