using System.Security.Claims;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Inbox;
using PrivacyDesk.Web.Features.Requests;

using DomainError = PrivacyDesk.Domain.Common.Error;

namespace PrivacyDesk.Web.Components.Pages.Inbox;

/// <summary>The Inbox page's state: the page of messages for the address, the opened message, the officer's choices, the last outcome.</summary>
public sealed class InboxPageState(InboxService inbox, PageLoadFailures failures, ClaimsPrincipal caller)
{
    public InboxFilter Filter { get; private set; } = InboxFilter.New;

    public int PageNumber { get; private set; } = 1;

    public InboxListPage? Page { get; private set; }

    public bool Failed { get; private set; }

    public PageLoadFailure? LoadFailure { get; private set; }

    public InboxMessageView? Opened { get; private set; }

    public bool Busy { get; private set; }

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    /// <summary>The last success, in words, and the case it made (if any).</summary>
    public (string Text, string? Reference)? Done { get; set; }

    // The officer's choices for a confirmation, prefilled from the reader's suggestions.
    public RequestType? Type { get; set; }

    public string Language { get; set; } = "nl";

    public bool UseMatchedSubject { get; set; }

    public string FullName { get; set; } = "";

    public string Email { get; set; } = "";

    public SubjectCategory? Category { get; set; } = SubjectCategory.Customer;

    public string Description { get; set; } = "";

    public string Reason { get; set; } = "";

    public bool Navigated(InboxFilter filter, int page)
    {
        var changed = filter != Filter || page != PageNumber || Page is null;
        Filter = filter;
        PageNumber = page;
        return changed;
    }

    public async Task LoadAsync()
    {
        Failed = false;
        LoadFailure = null;
        try
        {
            var page = await inbox.ListAsync(caller, Filter, PageNumber);
            Failed = page.IsFailure;
            Page = page.IsSuccess ? page.Value : null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            Failed = true;
            LoadFailure = failures.Record("inbox", exception);
        }
    }

    public async Task OpenAsync(Guid id)
    {
        Errors = [];
        Done = null;
        var opened = await inbox.OpenAsync(caller, id);
        if (opened.IsFailure)
        {
            Errors = opened.Errors;
            Opened = null;
            return;
        }
        Opened = opened.Value;
        var row = opened.Value.Row;
        Type = row.SuggestedType;
        Language = row.Language;
        UseMatchedSubject = row.MatchedSubjectId is not null;
        FullName = row.FromName ?? "";
        Email = row.FromAddress;
        Category = SubjectCategory.Customer;
        Description = opened.Value.Text.Length > DataSubjectRequest.DescriptionMaxLength
            ? opened.Value.Text[..DataSubjectRequest.DescriptionMaxLength]
            : opened.Value.Text;
        Reason = "";
    }

    public void Close()
    {
        Opened = null;
        Errors = [];
    }

    public async Task ConfirmAsync(Func<string, string> doneText)
    {
        if (Opened is not { } opened)
        {
            return;
        }
        await ActAsync(async () =>
        {
            var subject = UseMatchedSubject ? null : new NewSubject(FullName, Email, null, null, Category);
            var confirmed = await inbox.ConfirmAsync(caller, opened.Row.Id, opened.Stamp,
                new InboxConfirmation(Type, Language, UseMatchedSubject ? opened.Row.MatchedSubjectId : null, subject, Description));
            if (confirmed.IsSuccess)
            {
                Done = (doneText(confirmed.Value), confirmed.Value);
            }
            return confirmed.IsSuccess ? [] : confirmed.Errors;
        });
    }

    public async Task FileAsNotARequestAsync(string doneText)
    {
        if (Opened is not { } opened)
        {
            return;
        }
        await ActAsync(async () =>
        {
            var filed = await inbox.FileAsNotARequestAsync(caller, opened.Row.Id, opened.Stamp, Reason);
            if (filed.IsSuccess)
            {
                Done = (doneText, null);
            }
            return filed.IsSuccess ? [] : filed.Errors;
        });
    }

    /// <summary>A reply from another address, attached by the officer to the case it refers to.</summary>
    public async Task AttachToCaseAsync(string doneText)
    {
        if (Opened is not { } opened)
        {
            return;
        }
        await ActAsync(async () =>
        {
            var attached = await inbox.AttachToCaseAsync(caller, opened.Row.Id, opened.Stamp);
            if (attached.IsSuccess)
            {
                Done = (doneText, opened.Row.RequestReference);
            }
            return attached.IsSuccess ? [] : attached.Errors;
        });
    }

    private async Task ActAsync(Func<Task<IReadOnlyList<DomainError>>> action)
    {
        Busy = true;
        Errors = [];
        try
        {
            Errors = await action();
            if (Errors.Count == 0)
            {
                Opened = null;
                await LoadAsync();
            }
        }
        finally
        {
            Busy = false;
        }
    }
}
