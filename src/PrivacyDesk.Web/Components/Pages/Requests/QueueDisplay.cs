using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Shared;
using PrivacyDesk.Web.Features.Requests;
using Queue = PrivacyDesk.Web.Features.Requests.RequestQueue;

namespace PrivacyDesk.Web.Components.Pages.Requests;

/// <summary>How the queue says things: the SLA chip, days left, the status colour, the count and the empty state.</summary>
public sealed class QueueDisplay(IStringLocalizer<QueueText> text, IStringLocalizer<SharedResource> shared)
{
    public string Count(QueueState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return !state.HasLoaded ? "" : state.CountIsCapped
            ? text["CountCapped", Queue.CountCap.ToString("N0", CultureInfo.CurrentCulture)]
            : state.Total == 1 ? text["CountOne"] : text["Count", state.Total.ToString("N0", CultureInfo.CurrentCulture)];
    }

    /// <summary>Calendar days (the legal count) first, working days beneath.</summary>
    public (string? Calendar, string? Working) DaysLeft(QueueRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Sla switch
        {
            null or { IsAnswered: true } => (null, null),
            { CalendarDaysLeft: 0 } => (text["DueToday"], null),
            { CalendarDaysLeft: < 0 } late => (text.Count("DaysLate", -late.CalendarDaysLeft), text.Count("WorkingDaysLate", -late.WorkingDaysLeft)),
            { } left => (text.Count("DaysLeft", left.CalendarDaysLeft), text.Count("WorkingDaysLeft", left.WorkingDaysLeft)),
        };
    }

    public (Color Colour, string Icon, string Text) Sla(SlaStatus? status) => status?.State switch
    {
        SlaState.OnTrack => (Color.Success, Icons.Material.Filled.CheckCircle, text["Sla.OnTrack"]),
        SlaState.DueSoon => (Color.Warning, Icons.Material.Filled.Schedule, text["Sla.DueSoon"]),
        SlaState.Overdue => (Color.Error, Icons.Material.Filled.Error, text["Sla.Overdue"]),
        SlaState.AnsweredOnTime => (Color.Success, Icons.Material.Outlined.TaskAlt, text["Sla.AnsweredOnTime"]),
        SlaState.AnsweredLate => (Color.Error, Icons.Material.Outlined.Report, text["Sla.AnsweredLate"]),
        _ => (Color.Default, Icons.Material.Outlined.Remove, text["Sla.None"]),
    };

    public static Color StatusColour(RequestStatus status) => status switch
    {
        RequestStatus.Received => Color.Info,
        RequestStatus.AwaitingIdentity => Color.Warning,
        RequestStatus.InProgress => Color.Primary,
        RequestStatus.AwaitingApproval => Color.Secondary,
        RequestStatus.Responded => Color.Success,
        _ => Color.Default,
    };

    /// <summary>The classes MudCheckBox gives its box (default colour), for a row's check box written as plain markup.</summary>
    public static string CheckBoxClass(bool selected) =>
        "mud-button-root mud-icon-button mud-default-text hover:mud-default-hover mud-ripple mud-ripple-checkbox mud-checkbox-" + (selected ? "true" : "false");

    /// <summary>An empty queue says why: nothing matches the search, nothing overdue (good news), or nothing in this filter.</summary>
    public (string Icon, string Title, string Body) Empty(QueueState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var filter = state.Url.Filter;
        if (state.Searching)
        {
            return (Icons.Material.Outlined.SearchOff, text["Empty.Search.Title"], text["Empty.Search.Body"]);
        }
        var icon = filter == QueueFilter.Overdue ? Icons.Material.Outlined.Celebration : Icons.Material.Outlined.Inbox;
        return filter == QueueFilter.Open
            ? (icon, shared["Queue.Empty.Title"], shared["Queue.Empty.Body"])
            : (icon, text["Empty." + filter + ".Title"], text["Empty." + filter + ".Body"]);
    }
}
