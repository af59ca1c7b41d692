using System.Security.Claims;
using MudBlazor;
using PrivacyDesk.Web.Components.Shared;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Mail;
using PrivacyDesk.Web.Features.Settings;

using DomainError = PrivacyDesk.Domain.Common.Error;

namespace PrivacyDesk.Web.Components.Pages.Administration.Outbox;

/// <summary>The Outbox page's state: the list for the address, the controller's time zone for times, the last outcome, the preview.</summary>
public sealed class OutboxPageState(OutboxAdministration outbox, ControllerSettings controllerSettings, PageLoadFailures failures, ClaimsPrincipal caller)
{
    public OutboxUrl Url { get; private set; } = new();

    public OutboxListPage<OutboxEmailRow>? Emails { get; private set; }

    public OutboxListPage<OutboxWorkRow>? Work { get; private set; }

    public OutboxCounts? Counts => Url.Tab == OutboxTab.Emails ? Emails?.Counts : Work?.Counts;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool Loaded { get; private set; }

    public bool Failed { get; private set; }

    public PageLoadFailure? LoadFailure { get; private set; }

    /// <summary>The outbox message an action runs on now.</summary>
    public Guid? Busy { get; private set; }

    public (Severity Severity, string? Text, IReadOnlyList<DomainError> Errors)? Outcome { get; set; }

    public EmailPreview? Preview { get; set; }

    public bool MayPreview => outbox.MayPreview;

    public async Task NavigateAsync(OutboxUrl url)
    {
        Url = url;
        await LoadAsync();
    }

    public async Task LoadAsync()
    {
        Failed = false;
        LoadFailure = null;
        try
        {
            Zone = (await controllerSettings.CurrentAsync()).TimeZone;
            if (Url.Tab == OutboxTab.Emails)
            {
                var emails = await outbox.EmailsAsync(caller, Url.Filter, Url.Page);
                Failed = emails.IsFailure;
                Emails = emails.IsSuccess ? emails.Value : null;
            }
            else
            {
                var work = await outbox.WorkAsync(caller, Url.Filter, Url.Page);
                Failed = work.IsFailure;
                Work = work.IsSuccess ? work.Value : null;
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            Failed = true;
            LoadFailure = failures.Record("outbox", exception);
        }
        Loaded = true;
    }

    public async Task SendAgainAsync(Guid outboxMessageId, string doneText)
    {
        Busy = outboxMessageId;
        Outcome = null;
        try
        {
            var result = await outbox.SendAgainNowAsync(caller, outboxMessageId);
            Outcome = result.IsSuccess ? (Severity.Success, doneText, []) : (Severity.Error, null, result.Errors);
            await LoadAsync();
        }
        finally
        {
            Busy = null;
        }
    }

    public async Task PreviewAsync(Guid emailId)
    {
        var preview = await outbox.PreviewAsync(caller, emailId);
        Preview = preview.IsSuccess ? preview.Value : null;
        Outcome = preview.IsSuccess ? null : (Severity.Error, null, preview.Errors);
    }

    /// <summary>A moment in the controller's time zone, as every page shows times.</summary>
    public string Moment(DateTimeOffset moment) => DisplayDates.Moment(TimeZoneInfo.ConvertTime(moment, Zone));
}
