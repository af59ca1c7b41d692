using Microsoft.Extensions.Localization;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Shared;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Components.Pages.Requests.Case;

/// <summary>Why an action of the case actions menu is not offered now (null: it is), in the user's language.</summary>
public static class CaseActionBlockers
{
    public static string? Extend(CaseActionsView view, IStringLocalizer<CaseObligationsText> text)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        return !view.Case.IsOpen ? text["Actions.Blocked.Closed"].Value
            : view.Extension is { } extension ? text["Actions.Blocked.Extended", DisplayDates.Date(extension.ExtendedDueOn)].Value
            : view.Case.Today > view.Case.DueOn ? text["Actions.Blocked.TooLate", DisplayDates.Date(view.Case.DueOn)].Value
            : null;
    }

    public static string? Fee(CaseActionsView view, IStringLocalizer<CaseObligationsText> text)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        return !view.Case.IsOpen ? text["Actions.Blocked.Closed"].Value
            : view.Fee is { } fee ? text["Actions.Blocked.FeeNotified", text["Fee.Status." + fee.Status]].Value
            : null;
    }

    public static string? Refuse(CaseActionsView view, IStringLocalizer<CaseObligationsText> text)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        return view.Case.Status switch
        {
            RequestStatus.Received or RequestStatus.AwaitingIdentity or RequestStatus.InProgress => null,
            RequestStatus.AwaitingApproval => text["Actions.Blocked.AwaitingApproval"].Value,
            _ => text["Actions.Blocked.Closed"].Value,
        };
    }

    public static string? Withdraw(CaseActionsView view, IStringLocalizer<CaseObligationsText> text)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        return view.Case.IsOpen ? null : text["Actions.Blocked.Closed"].Value;
    }
}
