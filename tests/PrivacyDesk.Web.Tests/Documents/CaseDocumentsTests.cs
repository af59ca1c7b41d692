using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.Documents;

/// <summary>
/// Documents on a case through the real app and its SQLite database: every generation stored as a new
/// version with its audit event, every download audited, and nothing written for who may not see the case.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class CaseDocumentsTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private ClaimsPrincipal _officer = default!;
    private Guid _requestId;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        _requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private CaseDocuments Documents => ActivatorUtilities.CreateInstance<CaseDocuments>(_factory.Services);

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private Task<List<string>> DocumentEventsAsync() => WithDbAsync(db => db.AuditEvents.AsNoTracking()
        .Where(e => e.EntityType == GeneratedDocument.AuditEntityType)
        .OrderBy(e => e.Sequence)
        .Select(e => e.Action + " " + e.Details)
        .ToListAsync(Cancel));

    private Task<int> StoredAsync() => WithDbAsync(db => db.GeneratedDocuments.CountAsync(Cancel));

    [Fact]
    public async Task TheCaseTimelineShowsWhoGeneratedAndWhoDownloadedALetter()
    {
        var generated = (await Documents.GenerateAsync(_officer, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.Acknowledgement, "nl", cancellationToken: Cancel)).Value;
        var auditor = await Callers.ForAsync(_factory, "auditor@privacydesk.test");
        (await Documents.DownloadAsync(auditor, generated.Id, Cancel)).IsSuccess.ShouldBeTrue();
        var reference = await WithDbAsync(db => db.Requests.AsNoTracking().Where(r => r.Id == _requestId).Select(r => r.Reference).SingleAsync(Cancel));

        var workspace = ActivatorUtilities.CreateInstance<PrivacyDesk.Web.Features.Requests.CaseWorkspace>(_factory.Services);
        var timeline = (await workspace.ReloadAsync(_officer, reference.ToString(), Cancel)).Value.Timeline;

        timeline[0].Action.ShouldBe(CaseDocuments.DownloadedAction);
        timeline[0].ActorName.ShouldBe("Pieter Bakker");
        timeline[1].Action.ShouldBe(CaseDocuments.GeneratedAction);
        timeline[1].ActorName.ShouldBe("Sanne de Vries");
        timeline[1].Details["kind"].ShouldBe(nameof(DocumentKind.Acknowledgement));
        timeline[1].Details["version"].ShouldBe("1");
    }

    [Fact]
    public async Task GeneratingTwiceStoresVersionOneAndTwoAndAuditsBoth()
    {
        var first = (await Documents.GenerateAsync(_officer, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.Acknowledgement, "nl", cancellationToken: Cancel)).Value;
        var second = (await Documents.GenerateAsync(_officer, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.Acknowledgement, "en", cancellationToken: Cancel)).Value;

        first.Version.ShouldBe(1);
        second.Version.ShouldBe(2);
        second.Id.ShouldNotBe(first.Id);
        second.Language.ShouldBe("en");
        first.CreatedByName.ShouldBe("Sanne de Vries");
        // The file name carries the reference, never the subject's name.
        first.FileName.ShouldStartWith("DSR-");
        first.FileName.ShouldNotContain("elik");
        var rows = await WithDbAsync(db => db.GeneratedDocuments.AsNoTracking().OrderBy(d => d.Version).ToListAsync(Cancel));
        rows.Select(r => r.Version).ShouldBe([1, 2]);
        rows[0].Content.Take(5).ShouldBe("%PDF-"u8.ToArray());
        rows[0].SizeInBytes.ShouldBe(rows[0].Content.Length);
        var events = await DocumentEventsAsync();
        events.Count.ShouldBe(2);
        events[0].ShouldStartWith(CaseDocuments.GeneratedAction);
        events[0].ShouldContain("\"version\":\"1\"");
        events[0].ShouldContain(rows[0].Sha256);
        events[1].ShouldContain("\"language\":\"en\"");
        events[1].ShouldContain("\"version\":\"2\"");

        var listed = (await Documents.ListAsync(_officer, _requestId, Cancel)).Value.Documents;
        listed.Select(d => d.Version).ShouldBe([2, 1]);
    }

    [Fact]
    public async Task DownloadingSendsThePdfAsAnAttachmentAndIsAudited()
    {
        var generated = (await Documents.GenerateAsync(_officer, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.Acknowledgement, "nl", cancellationToken: Cancel)).Value;
        using var client = await SignedInClient.CreateAsync(_factory, "officer@privacydesk.test");

        using var response = await client.GetAsync(new Uri(DocumentEndpoints.DownloadPath(generated.Id), UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(generated.FileName);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).ShouldBe(generated.Sha256);
        var events = await DocumentEventsAsync();
        events.Count(e => e.StartsWith(CaseDocuments.DownloadedAction, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task AnOfficerWhoMayNotSeeTheCaseIsRefusedAndNothingIsWritten()
    {
        var generated = (await Documents.GenerateAsync(_officer, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.Acknowledgement, "nl", cancellationToken: Cancel)).Value;
        var other = await Callers.ForAsync(_factory, "officer2@privacydesk.test");
        var eventsBefore = await WithDbAsync(db => db.AuditEvents.CountAsync(Cancel));

        var generating = await Documents.GenerateAsync(other, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.Acknowledgement, "nl", cancellationToken: Cancel);
        var listing = await Documents.ListAsync(other, _requestId, Cancel);
        using var client = await SignedInClient.CreateAsync(_factory, "officer2@privacydesk.test");
        var eventsAfterSignIn = await WithDbAsync(db => db.AuditEvents.CountAsync(Cancel));
        using var response = await client.GetAsync(new Uri(DocumentEndpoints.DownloadPath(generated.Id), UriKind.Relative), Cancel);

        generating.Errors.Single().ShouldBe(CaseDocuments.NotFound);
        listing.Errors.Single().ShouldBe(CaseDocuments.NotFound);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StoredAsync()).ShouldBe(1);
        (await DocumentEventsAsync()).Count.ShouldBe(1);
        // Signing in is audited; the refused generation and download add nothing.
        eventsAfterSignIn.ShouldBeGreaterThanOrEqualTo(eventsBefore);
        (await WithDbAsync(db => db.AuditEvents.CountAsync(Cancel))).ShouldBe(eventsAfterSignIn);
    }

    [Fact]
    public async Task AnAuditorDownloadsLettersAndTheCaseFileButGeneratesNoLetters()
    {
        var letter = (await Documents.GenerateAsync(_officer, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.Acknowledgement, "nl", cancellationToken: Cancel)).Value;
        var auditor = await Callers.ForAsync(_factory, "auditor@privacydesk.test");

        var refused = await Documents.GenerateAsync(auditor, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.Acknowledgement, "nl", cancellationToken: Cancel);
        var storing = await Documents.GenerateAsync(auditor, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.CaseFile, "nl", cancellationToken: Cancel);
        using var client = await SignedInClient.CreateAsync(_factory, "auditor@privacydesk.test");
        using var letterResponse = await client.GetAsync(new Uri(DocumentEndpoints.DownloadPath(letter.Id), UriKind.Relative), Cancel);
        using var caseFileResponse = await client.GetAsync(new Uri(DocumentEndpoints.CaseFilePath(_requestId, "nl"), UriKind.Relative), Cancel);

        refused.Errors.Single().ShouldBe(CaseDocuments.Forbidden);
        storing.Errors.Single().ShouldBe(CaseDocuments.Forbidden, "an auditor does not add a case file version to the case");
        letterResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        caseFileResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        caseFileResponse.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldContain("case-file");
        (await caseFileResponse.Content.ReadAsByteArrayAsync(Cancel)).Take(5).ShouldBe("%PDF-"u8.ToArray());
        var view = (await Documents.ListAsync(auditor, _requestId, Cancel)).Value;
        view.Documents.Select(d => d.Kind).ShouldBe([DocumentKind.Acknowledgement], "looking at the case file stored nothing");
        view.MayGenerateLetters.ShouldBeFalse();
        view.MayGenerateCaseFile.ShouldBeTrue();
        view.Available.Select(a => a.Kind).ShouldBe([DocumentKind.CaseFile]);
        var exports = await WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == _requestId.ToString() && e.Action == CaseDocuments.ExportedAction)
            .Select(e => e.ActorName).ToListAsync(Cancel));
        exports.ShouldBe(["Pieter Bakker"], "the auditor's case file is still audited as an export");
    }

    [Fact]
    public async Task ASecondCaseFileDownloadWithoutAChangeReturnsTheSameVersionAndAChangeMakesANewOne()
    {
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");

        var first = await Documents.DownloadCaseFileAsync(lead, _requestId, "en", Cancel);
        var again = await Documents.DownloadCaseFileAsync(lead, _requestId, "en", Cancel);
        var afterTwo = await CaseFileVersionsAsync();
        (await Documents.GenerateAsync(_officer, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.Acknowledgement, "en", cancellationToken: Cancel)).IsSuccess.ShouldBeTrue();
        var changed = await Documents.DownloadCaseFileAsync(lead, _requestId, "en", Cancel);

        first.IsSuccess.ShouldBeTrue(string.Join(", ", first.Errors));
        afterTwo.ShouldBe([1], "viewing and downloading are not changes: the second download is version 1 again");
        again.Value.Content.ShouldBe(first.Value.Content);
        (await CaseFileVersionsAsync()).ShouldBe([1, 2], "a letter issued since is a change: a new version");
        changed.Value.Content.ShouldNotBe(first.Value.Content);
        var downloads = await WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == GeneratedDocument.AuditEntityType && e.Action == CaseDocuments.DownloadedAction).CountAsync(Cancel));
        downloads.ShouldBe(3, "every download is audited, a reused version too");
    }

    [Fact]
    public async Task AnAuditorIsServedTheStoredVersionWhileTheCaseIsUnchangedAndTheListStaysAsItWas()
    {
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        var auditor = await Callers.ForAsync(_factory, "auditor@privacydesk.test");
        var stored = (await Documents.DownloadCaseFileAsync(lead, _requestId, "nl", Cancel)).Value;
        var before = (await Documents.ListAsync(auditor, _requestId, Cancel)).Value.Documents.Select(d => d.Id).ToList();

        var served = await Documents.DownloadCaseFileAsync(auditor, _requestId, "nl", Cancel);
        (await Documents.GenerateAsync(_officer, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.Acknowledgement, "nl", cancellationToken: Cancel)).IsSuccess.ShouldBeTrue();
        var rendered = await Documents.DownloadCaseFileAsync(auditor, _requestId, "nl", Cancel);

        served.Value.Content.ShouldBe(stored.Content);
        rendered.Value.Content.ShouldNotBe(stored.Content, "the case changed: the auditor gets the case as it is now");
        var after = (await Documents.ListAsync(auditor, _requestId, Cancel)).Value.Documents.Where(d => d.Kind == DocumentKind.CaseFile).Select(d => d.Id).ToList();
        after.ShouldBe(before, "an auditor's downloads add no case file version");
    }

    private Task<List<int>> CaseFileVersionsAsync() => WithDbAsync(db => db.GeneratedDocuments.AsNoTracking()
        .Where(d => d.RequestId == _requestId && d.Kind == DocumentKind.CaseFile).OrderBy(d => d.Version).Select(d => d.Version).ToListAsync(Cancel));

    [Fact]
    public async Task AnOfficerNeitherGeneratesNorDownloadsTheCaseFile()
    {
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        var caseFile = (await Documents.GenerateAsync(lead, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.CaseFile, "en", cancellationToken: Cancel)).Value;

        var refused = await Documents.GenerateAsync(_officer, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.CaseFile, "nl", cancellationToken: Cancel);
        var download = await Documents.DownloadAsync(_officer, caseFile.Id, Cancel);
        var listed = (await Documents.ListAsync(_officer, _requestId, Cancel)).Value;

        refused.Errors.Single().ShouldBe(CaseDocuments.Forbidden);
        download.IsFailure.ShouldBeTrue();
        listed.Documents.ShouldBeEmpty();
        listed.Available.Select(a => a.Kind).ShouldNotContain(DocumentKind.CaseFile);
    }

    [Fact]
    public async Task AKindThatDoesNotApplyIsRefusedWithItsCodeAndNothingIsStored()
    {
        var result = await Documents.GenerateAsync(_officer, _requestId, await CaseStamps.OfAsync(_factory, _requestId), DocumentKind.ExtensionNotice, "nl", cancellationToken: Cancel);

        result.Errors.Single().Code.ShouldBe(DocumentErrors.NotAvailable.Code);
        (await StoredAsync()).ShouldBe(0);
        (await DocumentEventsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheListOffersOnlyWhatAppliesInTheRequestsLanguage()
    {
        var view = (await Documents.ListAsync(_officer, _requestId, Cancel)).Value;

        view.RequestLanguage.ShouldBe("nl");
        view.Available.Select(a => a.Kind).ShouldBe([DocumentKind.Acknowledgement, DocumentKind.CopyOfData]);
        // The test app starts with the shipped example profile: the panel must warn before anything is sent.
        view.ProfileIsExample.ShouldBeTrue();
    }

    [Fact]
    public async Task TheArt30RecordIsAPdfThatIsStoredAndAudited()
    {
        using var client = await SignedInClient.CreateAsync(_factory, "auditor@privacydesk.test");

        using var response = await client.GetAsync(new Uri(DocumentEndpoints.Art30PdfUrl("en"), UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await response.Content.ReadAsByteArrayAsync(Cancel)).Take(5).ShouldBe("%PDF-"u8.ToArray());
        var stored = await WithDbAsync(db => db.GeneratedDocuments.AsNoTracking()
            .Select(d => new { d.RequestId, d.Kind, d.Language, d.Version }).SingleAsync(Cancel));
        stored.ShouldBe(new { RequestId = (Guid?)null, Kind = DocumentKind.ProcessingRecord, Language = "en", Version = 1 });
        var events = await DocumentEventsAsync();
        events.ShouldHaveSingleItem().ShouldStartWith(CaseDocuments.GeneratedAction);
    }

    [Fact]
    public async Task TheArt30RecordIsNotForAnAdministrator()
    {
        using var client = await SignedInClient.CreateAsync(_factory, "admin@privacydesk.test");

        using var response = await client.GetAsync(new Uri(DocumentEndpoints.Art30PdfUrl("nl"), UriKind.Relative), Cancel);

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await StoredAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task EachRecipientsNotificationIsVersionedOnItsOwn()
    {
        var erasure = await ObligationCases.CreateAsync(_factory, RequestType.Erasure, decideAll: true);
        var obligations = ActivatorUtilities.CreateInstance<PrivacyDesk.Web.Features.Requests.CaseObligations>(_factory.Services);
        var planned = (await obligations.RecipientsAsync(_officer, erasure, Cancel)).Value;
        (await obligations.PlanRecipientsAsync(_officer, erasure, (await planned.Case.StampAsync(_factory)), Cancel)).IsSuccess.ShouldBeTrue();
        var recipients = (await Documents.ListAsync(_officer, erasure, Cancel)).Value.Available
            .Where(a => a.Kind == DocumentKind.RecipientNotification).ToList();
        recipients.Count.ShouldBeGreaterThan(1);

        var withoutRecipient = await Documents.GenerateAsync(_officer, erasure, await CaseStamps.OfAsync(_factory, erasure), DocumentKind.RecipientNotification, "nl", cancellationToken: Cancel);
        var first = (await Documents.GenerateAsync(_officer, erasure, await CaseStamps.OfAsync(_factory, erasure), DocumentKind.RecipientNotification, "nl", recipients[0].RecipientNotificationId, Cancel)).Value;
        var again = (await Documents.GenerateAsync(_officer, erasure, await CaseStamps.OfAsync(_factory, erasure), DocumentKind.RecipientNotification, "nl", recipients[0].RecipientNotificationId, Cancel)).Value;
        var other = (await Documents.GenerateAsync(_officer, erasure, await CaseStamps.OfAsync(_factory, erasure), DocumentKind.RecipientNotification, "nl", recipients[1].RecipientNotificationId, Cancel)).Value;

        withoutRecipient.Errors.Single().Code.ShouldBe(DocumentErrors.RecipientRequired.Code);
        (first.Version, again.Version, other.Version).ShouldBe((1, 2, 1));
        first.RecipientName.ShouldBe(recipients[0].RecipientName);
        other.RecipientName.ShouldBe(recipients[1].RecipientName);
        var listed = (await Documents.ListAsync(_officer, erasure, Cancel)).Value.Documents;
        listed.Where(d => d.RecipientNotificationId == recipients[0].RecipientNotificationId).Select(d => d.Version).ShouldBe([2, 1]);
    }
}
