using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Auditing;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>Every aggregate survives a round trip through real SQLite, and two people editing the same case cannot overwrite each other.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class DomainPersistenceTests : IAsyncLifetime
{
    private static readonly Actor Officer = new("officer-1", "Sanne de Vries", [StaffRole.PrivacyOfficer]);
    private static readonly Actor SecondOfficer = new("officer-2", "Daan Jansen", [StaffRole.PrivacyOfficer]);
    private static readonly DateTimeOffset Now = new(2026, 2, 10, 9, 30, 0, TimeSpan.FromHours(1));

    private readonly PrivacyDeskAppFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private PrivacyDeskDbContext NewContext() => _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();

    private async Task<Guid> SaveSubjectAsync()
    {
        await using var db = NewContext();
        var marketing = await db.Purposes.SingleAsync(p => p.Key == "direct-marketing");
        var subject = DataSubject.Register("Çelik-van Dĳk, Ayşe", ["ayse@example.nl", "a.celik@werk.example"], [SubjectCategory.Customer], Officer, Now,
            phone: "+31 6 1234 5678", customerNumber: "C-000042", relationshipStart: new DateOnly(2019, 5, 1)).Value;
        subject.GiveConsent(marketing, ConsentChannel.WebForm, "marketing-v3", Officer, Now).IsSuccess.ShouldBeTrue();
        subject.RecordCreditReferenceInquiry("Experian", Officer, Now).IsSuccess.ShouldBeTrue();
        db.DataSubjects.Add(subject);
        await db.SaveChangesAsync();
        return subject.Id;
    }

    private async Task<Guid> SaveRequestAsync(Guid subjectId)
    {
        await using var db = NewContext();
        var deadline = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, DeadlinePolicy.Default).ForReceiptAt(Now);
        var result = await db.InTransactionAsync(async () =>
        {
            var reference = await RequestReferences.NextAsync(db, deadline.ReceivedOn.Year);
            var intake = new RequestIntake(RequestType.Erasure, RequestChannel.Email, Now, deadline.ReceivedOn, "nl", subjectId,
                "Verwijder al mijn gegevens, ook <script>alert(1)</script>.", deadline.DueOn);
            var received = DataSubjectRequest.Receive(reference, intake, [], Officer, Now);
            if (received.IsSuccess)
            {
                db.Requests.Add(received.Value);
                await db.SaveChangesAsync();
            }
            return received;
        });
        return result.Value.Id;
    }

    [Fact]
    public async Task TheDefaultRegisterIsSeededFromTheNoticeWithSecurityLeftAsDraft()
    {
        await using var db = NewContext();
        var purposes = await db.Purposes.ToListAsync();

        purposes.Select(p => p.Key).ShouldBe(DefaultRegister.Purposes.Select(c => c.Definition.Key), ignoreOrder: true);
        var security = purposes.Single(p => p.Key == "security");
        security.Status.ShouldBe(PurposeStatus.Draft);
        security.Violations().Select(e => e.Code).ShouldBe(["register.activation.basis_missing"]);
        purposes.Where(p => p.Key != "security").ShouldAllBe(p => p.Status == PurposeStatus.Active);
        var kyc = purposes.Single(p => p.Key == "identity-verification");
        kyc.LawfulBases.Select(b => b.Kind).ShouldBe([LawfulBasisKind.LegitimateInterest, LawfulBasisKind.LegalObligation], ignoreOrder: true);
        kyc.Basis(LawfulBasisKind.LegalObligation)!.LegalProvision!.ShouldContain("Wwft");
        kyc.Name.Nl.ShouldNotBeNullOrWhiteSpace();
        kyc.Name.En.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task SeedingTwiceChangesNothing()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<RegisterSeeder>();
        var before = await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().AuditEvents.CountAsync();

        (await seeder.SeedAsync()).ShouldBe(0);

        (await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().AuditEvents.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public void TheEmbeddedNoticeIsTheRepositorysCopy()
    {
        var copy = Path.Combine(RepositoryRoot(), "src", "PrivacyDesk.Data", "Seeding", "privacy-notice-nl.txt");

        RegisterSeeder.NoticeText().ShouldBe(File.ReadAllText(copy));
    }

    [Fact]
    public async Task ADataSubjectRoundTripsWithConsentsAndInquiries()
    {
        var id = await SaveSubjectAsync();

        await using var db = NewContext();
        var subject = await db.DataSubjects.SingleAsync(s => s.Id == id);
        subject.FullName.ShouldBe("Çelik-van Dĳk, Ayşe");
        subject.EmailAddresses.ShouldBe(["ayse@example.nl", "a.celik@werk.example"]);
        subject.Categories.ShouldBe([SubjectCategory.Customer]);
        subject.RelationshipStart.ShouldBe(new DateOnly(2019, 5, 1));
        subject.Consents.Single().WordingVersion.ShouldBe("marketing-v3");
        subject.CreditReferenceInquiries.Single().RequestedBy.ShouldBe("Experian");
    }

    [Fact]
    public async Task ARequestRoundTripsWithItsReferenceDeadlineAndHistory()
    {
        var subjectId = await SaveSubjectAsync();
        var id = await SaveRequestAsync(subjectId);
        await using (var db = NewContext())
        {
            // The data layer itself under test: opened as the case unit of work opens its context (ADR 0028).
            db.AllowCaseChanges();
            var request = await db.Requests.SingleAsync(r => r.Id == id);
            request.Assign(Officer, Officer, Now.AddMinutes(30)).IsSuccess.ShouldBeTrue();
            request.StartProcessing(Officer, Now.AddHours(1)).IsSuccess.ShouldBeTrue();
            request.RecordDecision(Officer, Now.AddHours(2), new PurposeDecisionDraft(PrivacyNoticeRegister.IdFor("direct-marketing"), PurposeDecisionOutcome.Comply)).IsSuccess.ShouldBeTrue();
            request.Extend(Officer, Now.AddDays(3), ExtensionReason.Complexity, "Veel bronsystemen", new DateOnly(2026, 2, 13), new DateOnly(2026, 5, 11)).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync();
        }

        await using var read = NewContext();
        var stored = await read.Requests.SingleAsync(r => r.Id == id);
        stored.Reference.ToString().ShouldBe("DSR-2026-000001");
        stored.ReceivedOn.ShouldBe(new DateOnly(2026, 2, 10));
        stored.DueOn.ShouldBe(new DateOnly(2026, 3, 10));
        stored.ExtendedDueOn.ShouldBe(new DateOnly(2026, 5, 11));
        stored.Status.ShouldBe(RequestStatus.InProgress);
        stored.Description.ShouldContain("<script>");
        stored.CurrentDecisions.Single().Outcome.ShouldBe(PurposeDecisionOutcome.Comply);
        var stream = await read.AuditEvents.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.StreamSequence).Select(a => a.Action).ToListAsync();
        stream.ShouldBe([RequestActions.Received, RequestActions.Assigned, RequestActions.ProcessingStarted, RequestActions.DecisionRecorded, RequestActions.Extended]);
        (await _factory.Services.GetRequiredService<AuditTrailVerifier>().VerifyStreamAsync("DataSubjectRequest", id.ToString())).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task ReferencesCountUpPerYear()
    {
        var subjectId = await SaveSubjectAsync();

        await SaveRequestAsync(subjectId);
        await SaveRequestAsync(subjectId);

        await using var db = NewContext();
        (await db.Requests.Select(r => r.Reference).ToListAsync()).Select(r => r.ToString()).ShouldBe(["DSR-2026-000001", "DSR-2026-000002"], ignoreOrder: true);
    }

    [Fact]
    public async Task TheSecondOfTwoPeopleEditingTheSameCaseGetsAConflictAndNothingIsLost()
    {
        var id = await SaveRequestAsync(await SaveSubjectAsync());
        await using var first = NewContext();
        await using var second = NewContext();
        first.AllowCaseChanges();
        second.AllowCaseChanges();
        var mine = await first.Requests.SingleAsync(r => r.Id == id);
        var theirs = await second.Requests.SingleAsync(r => r.Id == id);

        mine.Assign(Officer, Officer, Now.AddHours(1)).IsSuccess.ShouldBeTrue();
        await first.SaveChangesAsync();
        theirs.Assign(SecondOfficer, SecondOfficer, Now.AddHours(2)).IsSuccess.ShouldBeTrue();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var read = NewContext();
        (await read.Requests.SingleAsync(r => r.Id == id)).HandlerName.ShouldBe("Sanne de Vries");
        (await read.AuditEvents.CountAsync(a => a.EntityId == id.ToString() && a.Action == RequestActions.Assigned)).ShouldBe(1);
    }

    [Fact]
    public async Task ACompanyClosingDayIsStoredApartFromLegalHolidays()
    {
        await using (var db = NewContext())
        {
            db.CompanyClosingDays.Add(CompanyClosingDay.Add(new DateOnly(2026, 5, 15), "Dag na Hemelvaart", Officer, Now).Value);
            await db.SaveChangesAsync();
        }

        await using var read = NewContext();
        var calendar = new HolidayCalendar(await read.CompanyClosingDays.ToListAsync());
        calendar.IsCompanyClosingDay(new DateOnly(2026, 5, 15)).ShouldBeTrue();
        calendar.IsWorkingDay(new DateOnly(2026, 5, 15)).ShouldBeTrue("a closing day never moves a legal deadline");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PrivacyDesk.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("No repository root.");
    }
}
