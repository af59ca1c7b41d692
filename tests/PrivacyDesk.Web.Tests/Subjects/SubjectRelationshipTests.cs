using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Subjects;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.Subjects;

/// <summary>Correcting a subject's relationship dates on real SQLite: audited, stale-checked, and followed by the open cases.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class SubjectRelationshipTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private System.Security.Claims.ClaimsPrincipal _officer = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private SubjectRelationship Relationship => ActivatorUtilities.CreateInstance<SubjectRelationship>(_factory.Services);

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private async Task<(Guid SubjectId, Guid RequestId, Guid Version)> OpenCaseAsync()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure);
        var subjectId = await WithDbAsync(db => db.Requests.Where(r => r.Id == requestId).Select(r => r.SubjectId).SingleAsync(Cancel));
        var profile = (await ActivatorUtilities.CreateInstance<SubjectDirectory>(_factory.Services).ProfileAsync(_officer, subjectId, "nl", Cancel)).Value;
        return (subjectId, requestId, profile.Version);
    }

    private Task<List<string>> ActionsAsync(string entityType, Guid id) => WithDbAsync(db => db.AuditEvents.AsNoTracking()
        .Where(e => e.EntityType == entityType && e.EntityId == id.ToString() && e.Action != SubjectDirectory.ProfileViewed)
        .OrderBy(e => e.Sequence).Select(e => e.Action + " " + (e.Details ?? e.After)).ToListAsync(Cancel));

    [Fact]
    public async Task CorrectingTheEndIsAuditedAndEveryOpenCaseRecordsItsNewKeptUntilDate()
    {
        var (subjectId, requestId, version) = await OpenCaseAsync();

        var result = await Relationship.CorrectAsync(_officer, subjectId, version, new DateOnly(2020, 1, 1), new DateOnly(2024, 3, 31), Cancel);

        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        var subject = await WithDbAsync(db => db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == subjectId, Cancel));
        subject.RelationshipStart.ShouldBe(new DateOnly(2020, 1, 1));
        subject.RelationshipEnd.ShouldBe(new DateOnly(2024, 3, 31));
        (await ActionsAsync(SubjectDirectory.AuditEntityType, subjectId)).ShouldContain(a => a.StartsWith("subject.relationship_corrected", StringComparison.Ordinal));
        // Wwft art. 33: five years after the end of the relationship.
        var recomputed = (await ActionsAsync(DataSubjectRequest.AuditEntityType, requestId))
            .Where(a => a.StartsWith(SubjectRelationship.RetentionRecomputedAction, StringComparison.Ordinal)).ToList();
        recomputed.ShouldHaveSingleItem().ShouldContain("2029-03-31");
    }

    [Fact]
    public async Task AnEndBeforeTheStartIsRefusedInTheUsersLanguageAndNothingChanges()
    {
        var (subjectId, requestId, version) = await OpenCaseAsync();

        var result = await Relationship.CorrectAsync(_officer, subjectId, version, new DateOnly(2020, 1, 1), new DateOnly(2019, 12, 31), Cancel);

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SubjectErrors.RelationshipEndBeforeStart.Code);
        ErrorCatalog.Message(result.Errors[0], "nl").ShouldBe("De einddatum van de relatie ligt vóór de begindatum.");
        ErrorCatalog.Message(result.Errors[0], "en").ShouldBe("The end of the relationship lies before its start.");
        var subject = await WithDbAsync(db => db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == subjectId, Cancel));
        subject.RelationshipStart.ShouldBeNull();
        subject.RelationshipEnd.ShouldBeNull();
        (await ActionsAsync(SubjectDirectory.AuditEntityType, subjectId)).ShouldNotContain(a => a.StartsWith("subject.relationship_corrected", StringComparison.Ordinal));
        (await ActionsAsync(DataSubjectRequest.AuditEntityType, requestId)).ShouldNotContain(a => a.StartsWith(SubjectRelationship.RetentionRecomputedAction, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACorrectionOnAStaleProfileIsRefusedWithWhoChangedIt()
    {
        var (subjectId, _, version) = await OpenCaseAsync();
        (await Relationship.CorrectAsync(_officer, subjectId, version, new DateOnly(2020, 1, 1), null, Cancel)).IsSuccess.ShouldBeTrue();

        var second = await Relationship.CorrectAsync(_officer, subjectId, version, new DateOnly(2021, 1, 1), null, Cancel);

        second.Errors.ShouldHaveSingleItem().Code.ShouldBe("edit.stale");
        (await WithDbAsync(db => db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == subjectId, Cancel))).RelationshipStart.ShouldBe(new DateOnly(2020, 1, 1));
    }

    [Fact]
    public async Task AnAuditorCannotCorrectTheDates()
    {
        var (subjectId, _, version) = await OpenCaseAsync();
        var auditor = await Callers.ForAsync(_factory, "auditor@privacydesk.test");

        (await Relationship.CorrectAsync(auditor, subjectId, version, new DateOnly(2020, 1, 1), null, Cancel)).Errors.ShouldHaveSingleItem().Code.ShouldBe("auth.forbidden");
    }

    [Fact]
    public async Task ANewSubjectIsRegisteredWithItsRelationshipDatesUnderTheSameRules()
    {
        var registration = ActivatorUtilities.CreateInstance<RequestRegistration>(_factory.Services);
        NewRequest Request(DateOnly? start, DateOnly? end) => new(RequestType.Access, RequestChannel.Email, DateTimeOffset.UtcNow.AddHours(-1), "nl", null,
            new NewSubject("Jan de Vries", "jan.devries@example.nl", null, "C-100001", SubjectCategory.Customer, start, end), "Inzage.", []);

        var future = await registration.RegisterAsync(_officer, Request(new DateOnly(2018, 5, 1), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)), Cancel);
        future.Errors.ShouldHaveSingleItem().Code.ShouldBe(SubjectErrors.RelationshipEndInFuture.Code);
        future.Errors[0].Field.ShouldBe(RequestRegistration.Fields.RelationshipEnd);
        (await WithDbAsync(db => db.DataSubjects.CountAsync(s => s.FullName == "Jan de Vries", Cancel))).ShouldBe(0);

        var saved = await registration.RegisterAsync(_officer, Request(new DateOnly(2018, 5, 1), new DateOnly(2025, 6, 30)), Cancel);

        saved.IsSuccess.ShouldBeTrue(string.Join(", ", saved.Errors));
        var subject = await WithDbAsync(db => db.DataSubjects.AsNoTracking().SingleAsync(s => s.FullName == "Jan de Vries", Cancel));
        subject.RelationshipStart.ShouldBe(new DateOnly(2018, 5, 1));
        subject.RelationshipEnd.ShouldBe(new DateOnly(2025, 6, 30));
    }
}
