using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>The obligations service against the real app on real SQLite: rules, permissions and nothing stored on refusal.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class CaseObligationsTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private CaseObligations _service = default!;
    private ClaimsPrincipal _officer = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _service = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<CaseObligations>();
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private Task<Guid> VersionAsync(Guid requestId) => CaseStamps.OfAsync(_factory, requestId);

    private async Task<Guid> PlannedTaskAsync(Guid requestId, string system)
    {
        var view = (await _service.CollectionAsync(_officer, requestId)).Value;
        (await _service.PlanCollectionAsync(_officer, requestId, (await view.Case.StampAsync(_factory)), new PlanCollectionInput(view.Case.EffectiveDueOn, "Jan de Boer"))).IsSuccess.ShouldBeTrue();
        return (await _service.CollectionAsync(_officer, requestId)).Value.Tasks.Single(t => t.SourceSystem == system).Id;
    }

    private async Task<PrivacyDesk.Domain.Common.Result> UploadAsync(Guid requestId, Guid taskId, string fileName, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return await _service.UploadExtractAsync(_officer, requestId, await VersionAsync(requestId), taskId, fileName, bytes.Length, () => new MemoryStream(bytes));
    }

    [Fact]
    public async Task RefusesAnExtensionAfterTheOriginalDeadline()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access, receivedDaysAgo: 45);

        var result = await _service.ExtendAsync(_officer, requestId, await VersionAsync(requestId), new ExtendInput(ExtensionReason.Complexity, "Veel bronnen."));

        result.Errors.Select(e => e.Code).ShouldBe(["deadline.extension.too_late"]);
        (await ObligationCases.LoadAsync(_factory, requestId)).Extension.ShouldBeNull();
    }

    [Fact]
    public async Task ExtendsBeforeTheDeadlineToThreeMonthsFromReceiptToldToday()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var view = (await _service.ActionsAsync(_officer, requestId)).Value;

        var result = await _service.ExtendAsync(_officer, requestId, (await view.Case.StampAsync(_factory)), new ExtendInput(ExtensionReason.NumberOfRequests, "Veel verzoeken tegelijk."));

        result.IsSuccess.ShouldBeTrue();
        var request = await ObligationCases.LoadAsync(_factory, requestId);
        request.Extension!.ExtendedDueOn.ShouldBe(new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, DeadlinePolicy.Default).ForReceiptOn(request.ReceivedOn).ExtendedDueOn);
        request.Extension.ExtendedDueOn.ShouldBe(view.ExtendedDueOn);
        request.Extension.SubjectNotifiedOn.ShouldBe(view.Case.Today);
    }

    [Fact]
    public async Task AnExtensionWithoutReasonOrExplanationNamesBothFields()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);

        var result = await _service.ExtendAsync(_officer, requestId, await VersionAsync(requestId), new ExtendInput(null, " "));

        result.Errors.Select(e => e.Field).ShouldBe(["Reason", "Explanation"], ignoreOrder: true);
    }

    [Fact]
    public async Task PlansOneTaskPerSourceSystemOfTheSubjectsPurposes()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var before = (await _service.CollectionAsync(_officer, requestId)).Value;
        before.UnplannedSourceSystems.ShouldContain("CRM");

        (await _service.PlanCollectionAsync(_officer, requestId, (await before.Case.StampAsync(_factory)), new PlanCollectionInput(before.Case.EffectiveDueOn, null))).IsSuccess.ShouldBeTrue();

        var after = (await _service.CollectionAsync(_officer, requestId)).Value;
        after.Tasks.Select(t => t.SourceSystem).ShouldBe(before.UnplannedSourceSystems, ignoreOrder: true);
        after.UnplannedSourceSystems.ShouldBeEmpty();
    }

    [Fact]
    public async Task ADueDateAfterTheDeadlineIsRefusedNextToTheDateField()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var view = (await _service.CollectionAsync(_officer, requestId)).Value;

        var result = await _service.PlanCollectionAsync(_officer, requestId, (await view.Case.StampAsync(_factory)), new PlanCollectionInput(view.Case.EffectiveDueOn.AddDays(1), null));

        result.Errors.Single().Field.ShouldBe("DueOn");
        (await _service.CollectionAsync(_officer, requestId)).Value.Tasks.ShouldBeEmpty();
    }

    [Fact]
    public async Task AWrongSubjectExtractStoresNothing()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var taskId = await PlannedTaskAsync(requestId, "CRM");

        var result = await UploadAsync(requestId, taskId, "crm.csv", $"klantnummer,naam\n{ObligationCases.CustomerNumber},Ayşe\nC-000001,Jan Jansen\n");

        result.Errors.Select(e => e.Code).ShouldBe([CollectionErrors.ExtractWrongSubject.Code]);
        (await ObligationCases.ExtractCountAsync(_factory)).ShouldBe(0);
        (await _service.CollectionAsync(_officer, requestId)).Value.Tasks.Single(t => t.Id == taskId).Status.ShouldBe(DataCollectionStatus.Open);
    }

    [Fact]
    public async Task ATooLargeExtractIsRefusedWithoutBeingRead()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var taskId = await PlannedTaskAsync(requestId, "CRM");

        var result = await _service.UploadExtractAsync(_officer, requestId, await VersionAsync(requestId), taskId, "crm.csv", ExtractRule.MaxBytes + 1,
            () => throw new InvalidOperationException("The upload must not be opened."));

        result.Errors.Select(e => e.Code).ShouldBe([CollectionErrors.ExtractTooLarge.Code]);
        (await ObligationCases.ExtractCountAsync(_factory)).ShouldBe(0);
    }

    [Fact]
    public async Task AValidExtractIsStoredWithItsHashAuditedWithoutContentAndPreviewed()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var taskId = await PlannedTaskAsync(requestId, "CRM");
        var json = $$"""[{"customerNumber":"{{ObligationCases.CustomerNumber}}","email":"{{ObligationCases.Email}}","product":"Betaalrekening"}]""";

        (await UploadAsync(requestId, taskId, "crm.json", json)).IsSuccess.ShouldBeTrue();

        var task = (await _service.CollectionAsync(_officer, requestId)).Value.Tasks.Single(t => t.Id == taskId);
        task.Status.ShouldBe(DataCollectionStatus.ExtractReceived);
        task.ExtractRowCount.ShouldBe(1);
        task.ExtractSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(json))));
        var preview = (await _service.PreviewExtractAsync(_officer, requestId, taskId)).Value;
        preview.Rows.Single().ShouldContain("Betaalrekening");

        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Action.StartsWith("request.collection.")).ToListAsync();
        events.Select(e => e.Action).ShouldContain(CollectionActions.ExtractReceived);
        events.Select(e => e.Action).ShouldContain("request.collection.extract_viewed");
        events.ShouldAllBe(e => !(e.After ?? "").Contains(ObligationCases.Email) && !(e.Details ?? "").Contains(ObligationCases.Email) && !(e.After ?? "").Contains("Betaalrekening"));
    }

    [Fact]
    public async Task AnOfficerWhoDoesNotHandleTheCaseIsRefusedOnTheServer()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure);
        var other = await Callers.ForAsync(_factory, "officer2@privacydesk.test");

        // A case another officer handles is answered like one that does not exist, as on the case page.
        var stamp = await VersionAsync(requestId);
        (await _service.CollectionAsync(other, requestId)).Errors.Single().ShouldBe(CaseUnitOfWork.NotFound);
        (await _service.ExtendAsync(other, requestId, stamp, new ExtendInput(ExtensionReason.Complexity, "Poging."))).Errors.Single().ShouldBe(CaseUnitOfWork.NotFound);
        (await _service.WithdrawAsync(other, requestId, stamp, null)).Errors.Single().ShouldBe(CaseUnitOfWork.NotFound);

        var request = await ObligationCases.LoadAsync(_factory, requestId);
        request.Extension.ShouldBeNull();
        request.Status.ShouldBe(RequestStatus.InProgress);
    }

    [Fact]
    public async Task AnAuditorSeesTheCaseButCannotChangeIt()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var auditor = await Callers.ForAsync(_factory, "auditor@privacydesk.test");

        var view = (await _service.ActionsAsync(auditor, requestId)).Value;

        view.Case.MayChange.ShouldBeFalse();
        (await _service.WithdrawAsync(auditor, requestId, (await view.Case.StampAsync(_factory)), null)).Errors.Single().ShouldBe(CaseUnitOfWork.Forbidden);
    }

    [Fact]
    public async Task ASecondEditAfterSomeoneElsesChangeIsToldWhoChangedItAndWhen()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var seenByOfficer = await VersionAsync(requestId);
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        (await _service.NotifyFeeAsync(lead, requestId, await VersionAsync(requestId), new FeeInput(FeeReason.Excessive, 25m, null, "Tiende verzoek deze maand."))).IsSuccess.ShouldBeTrue();

        var result = await _service.ExtendAsync(_officer, requestId, seenByOfficer, new ExtendInput(ExtensionReason.Complexity, "Veel bronnen."));

        var stale = result.Errors.Single();
        stale.Code.ShouldBe(StaleEdit.Code);
        stale.Arguments!["who"].ShouldBe("Fatima El Amrani");
        (await ObligationCases.LoadAsync(_factory, requestId)).Extension.ShouldBeNull();
    }

    [Fact]
    public async Task AnOwnChangeInAnotherTabMakesTheOldStampStaleAndThePagesNewStampSaves()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var seen = await VersionAsync(requestId);
        (await _service.NotifyFeeAsync(_officer, requestId, seen, new FeeInput(FeeReason.Excessive, 25m, null, "Tiende verzoek deze maand."))).IsSuccess.ShouldBeTrue();

        // ADR 0028: the stamp is the one rule, own changes included; the page reloads after each change and hands every panel the new stamp.
        var stale = await _service.ExtendAsync(_officer, requestId, seen, new ExtendInput(ExtensionReason.Complexity, "Veel bronnen."));
        stale.Errors.Single().Code.ShouldBe(StaleEdit.Code);
        stale.Errors.Single().Arguments!["who"].ShouldBe("Sanne de Vries");
        (await _service.ExtendAsync(_officer, requestId, await VersionAsync(requestId), new ExtendInput(ExtensionReason.Complexity, "Veel bronnen."))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task PlansANotificationPerRecipientOfTheErasedPurposesAndNeedsAReasonToSkipOne()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure, decideAll: true);
        var before = (await _service.RecipientsAsync(_officer, requestId)).Value;
        before.Applies.ShouldBeTrue();
        before.Unplanned.ShouldNotBeEmpty();

        (await _service.PlanRecipientsAsync(_officer, requestId, (await before.Case.StampAsync(_factory)))).IsSuccess.ShouldBeTrue();
        var planned = (await _service.RecipientsAsync(_officer, requestId)).Value;
        planned.Rows.Count.ShouldBe(before.Unplanned.Count);
        var first = planned.Rows[0];

        var refused = await _service.ExemptRecipientAsync(_officer, requestId, (await planned.Case.StampAsync(_factory)), first.Id, RecipientNotificationExemption.Disproportionate, " ");
        refused.Errors.Single().Field.ShouldBe("Reason");
        (await _service.MarkRecipientNotifiedAsync(_officer, requestId, (await planned.Case.StampAsync(_factory)), first.Id)).IsSuccess.ShouldBeTrue();
        (await _service.RecipientsAsync(_officer, requestId)).Value.Rows.Single(r => r.Id == first.Id).Status.ShouldBe(RecipientNotificationStatus.Sent);
    }

    [Fact]
    public async Task AnAccessRequestHasNoRecipientNotifications()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);

        (await _service.RecipientsAsync(_officer, requestId)).Value.Applies.ShouldBeFalse();
    }

    [Fact]
    public async Task ARefusalOnANationalRestrictionNeedsItsReferenceAndThenAwaitsApproval()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var version = await VersionAsync(requestId);

        var missing = await _service.ProposeRefusalAsync(_officer, requestId, version, new RefusalInput(RequestRefusalGround.NationalRestriction, "Lopend onderzoek.", null));
        missing.Errors.Single().Field.ShouldBe("LegalReference");

        (await _service.ProposeRefusalAsync(_officer, requestId, version, new RefusalInput(RequestRefusalGround.NationalRestriction, "Lopend onderzoek.", "UAVG art. 41"))).IsSuccess.ShouldBeTrue();
        var request = await ObligationCases.LoadAsync(_factory, requestId);
        request.Status.ShouldBe(RequestStatus.AwaitingApproval);
        request.ProposedRefusal!.LegalReference.ShouldBe("UAVG art. 41");
    }
}
