using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>
/// ADR 0028: every kind of change to a case, made with a stamp read before someone else changed the case, is refused
/// the same way: "edit.stale" naming who changed it and when, and nothing of the change stored (stamp, audit trail,
/// documents and extracts as they were). Through the services, on the real app and SQLite.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class StaleEditEverywhereTests : IAsyncLifetime
{
    private const string LeadName = "Fatima El Amrani";
    private readonly PrivacyDeskAppFactory _factory = new();
    private AsyncServiceScope _scope;
    private ClaimsPrincipal _officer = default!;
    private ClaimsPrincipal _lead = default!;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _scope = _factory.Services.CreateAsyncScope();
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        _lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private T Service<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public static TheoryData<string> Changes() =>
    [
        "decision", "assignment", "take", "extension", "identity", "recipients", "notes", "documents", "collection", "fee", "refusal", "withdrawal",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AChangeMadeWithAStampFromBeforeSomeoneElsesChangeIsRefusedAsStaleAndStoresNothing(string change)
    {
        var requestId = change switch
        {
            "take" => await ObligationCases.CreateAsync(_factory, RequestType.Access, assign: false),
            "identity" => await ObligationCases.CreateAsync(_factory, RequestType.Access, startProcessing: false),
            "recipients" => await ObligationCases.CreateAsync(_factory, RequestType.Erasure, decideAll: true),
            _ => await ObligationCases.CreateAsync(_factory, RequestType.Access),
        };
        var seen = await CaseStamps.OfAsync(_factory, requestId);
        // Someone else changes the case after the officer's page read it.
        (await Service<CaseWorkspace>().AddNoteAsync(_lead, requestId, seen, "Klant belde, wil schriftelijk antwoord.", Cancel)).IsSuccess.ShouldBeTrue();
        var before = await SnapshotAsync(requestId);

        var refusal = await ActAsync(change, requestId, seen);

        var error = refusal.ShouldHaveSingleItem();
        error.Code.ShouldBe(StaleEdit.Code);
        error.Arguments!["who"].ShouldBe(LeadName);
        DateTimeOffset.Parse(error.Arguments["when"], CultureInfo.InvariantCulture).ShouldBe(before.LastChangeAt, TimeSpan.FromSeconds(1));
        (await SnapshotAsync(requestId)).ShouldBe(before);
    }

    private async Task<IReadOnlyList<Error>> ActAsync(string change, Guid requestId, Guid seen)
    {
        var obligations = Service<CaseObligations>();
        var workspace = Service<CaseWorkspace>();
        return change switch
        {
            "decision" => (await workspace.RecordDecisionAsync(_officer, requestId, seen, new DecisionInput(await PurposeAsync(requestId), DecisionKind.Comply), Cancel)).Errors,
            "assignment" => (await Service<RequestQueue>().AssignAsync(_lead, [new SeenCase(requestId, seen)], Id(_officer), Cancel)).Value.Refused.Single().Errors,
            "take" => (await Service<RequestQueue>().TakeAsync(_officer, requestId, seen, Cancel)).Errors,
            "extension" => (await obligations.ExtendAsync(_officer, requestId, seen, new ExtendInput(ExtensionReason.Complexity, "Veel bronnen."), Cancel)).Errors,
            "identity" => (await workspace.RecordIdentityCheckAsync(_officer, requestId, seen,
                new IdentityCheckInput(IdentityVerificationMethod.KnownChannel, IdentityVerificationOutcome.Verified, "Bekend e-mailadres.", false, false), Cancel)).Errors,
            "recipients" => (await obligations.PlanRecipientsAsync(_officer, requestId, seen, Cancel)).Errors,
            "notes" => (await workspace.AddNoteAsync(_officer, requestId, seen, "Tweede notitie.", Cancel)).Errors,
            "documents" => (await Service<CaseDocuments>().GenerateAsync(_officer, requestId, seen, DocumentKind.Acknowledgement, "nl", cancellationToken: Cancel)).Errors,
            "collection" => (await obligations.PlanCollectionAsync(_officer, requestId, seen, new PlanCollectionInput(DateOnly.FromDateTime(DateTime.Today.AddDays(7)), null), Cancel)).Errors,
            "fee" => (await obligations.NotifyFeeAsync(_officer, requestId, seen, new FeeInput(FeeReason.Excessive, 25m, null, "Tiende verzoek."), Cancel)).Errors,
            "refusal" => (await obligations.ProposeRefusalAsync(_officer, requestId, seen,
                new RefusalInput(RequestRefusalGround.ManifestlyUnfounded, "Geen grond.", null, "Eerdere verzoeken."), Cancel)).Errors,
            "withdrawal" => (await obligations.WithdrawAsync(_officer, requestId, seen, "De klant trekt in.", Cancel)).Errors,
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "no such change"),
        };
    }

    /// <summary>Everything a refused change could have touched: the case's stamp (moved by any change of it), its trail, documents, extracts.</summary>
    private sealed record Snapshot(Guid Stamp, int AuditEvents, int Documents, int Extracts, string? Handler, RequestStatus Status, DateTimeOffset LastChangeAt);

    private async Task<Snapshot> SnapshotAsync(Guid requestId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var id = requestId.ToString();
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId, Cancel);
        var trail = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == DataSubjectRequest.AuditEntityType && e.EntityId == id)
            .OrderByDescending(e => e.Sequence).Select(e => e.OccurredAt).ToListAsync(Cancel);
        return new Snapshot(
            await CaseStamps.OfAsync(_factory, requestId),
            await db.AuditEvents.CountAsync(Cancel),
            await db.GeneratedDocuments.CountAsync(d => d.RequestId == requestId, Cancel),
            await db.CollectionExtracts.CountAsync(f => f.RequestId == requestId, Cancel),
            request.HandlerId,
            request.Status,
            trail[0]);
    }

    private async Task<Guid> PurposeAsync(Guid requestId)
    {
        var reference = (await ObligationCases.LoadAsync(_factory, requestId)).Reference.ToString();
        var view = (await Service<CaseWorkspace>().ReloadAsync(_officer, reference, Cancel)).Value;
        return view.Purposes[0].PurposeId;
    }

    private static string Id(ClaimsPrincipal caller) => caller.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
