using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Auditing;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Tests.Subjects;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>The demo cases as the app seeds them in Development, on a real SQLite database.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class DemoCasesTests(DemoCasesApp factory) : IClassFixture<DemoCasesApp>
{
    private static readonly DemoCaseStaff Staff = new(
        [new Actor("officer-1", "Sanne de Vries", [StaffRole.PrivacyOfficer]), new Actor("officer-2", "Daan Jansen", [StaffRole.PrivacyOfficer])],
        new Actor("lead-1", "Fatima El Amrani", [StaffRole.TeamLead]));

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(1));

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private Task<List<DataSubjectRequest>> RequestsAsync() => WithDbAsync(db => db.Requests.AsNoTracking().ToListAsync());

    [Fact]
    public async Task EveryTypeChannelAndStatusIsThere()
    {
        var requests = await RequestsAsync();

        requests.Count.ShouldBe(DemoCases.RequestCount);
        requests.Select(r => r.Type).Distinct().Order().ShouldBe(Enum.GetValues<RequestType>());
        requests.Select(r => r.Channel).Distinct().Order().ShouldBe(Enum.GetValues<RequestChannel>());
        requests.Select(r => r.Status).Distinct().Order().ShouldBe(Enum.GetValues<RequestStatus>());
        (await WithDbAsync(db => db.DataSubjects.CountAsync())).ShouldBe(DemoCases.SubjectCount);
    }

    [Fact]
    public async Task SomeCasesAreOverdueSomeDueWithinAWeekSomeExtendedAndSomeAnsweredLate()
    {
        var requests = await RequestsAsync();
        var today = DeadlinePolicy.Default.Today(TimeProvider.System);

        var open = requests.Where(r => r.IsOpen).ToList();
        open.Count(r => r.EffectiveDueOn < today).ShouldBeGreaterThanOrEqualTo(5);
        open.Count(r => r.EffectiveDueOn >= today && r.EffectiveDueOn <= today.AddDays(7)).ShouldBeGreaterThanOrEqualTo(5);
        requests.Count(r => r.Extension is not null).ShouldBeGreaterThanOrEqualTo(5);
        var answered = requests.Where(r => r.Status == RequestStatus.Responded).ToList();
        answered.ShouldContain(r => DeadlinePolicy.Default.DateOf(r.ClosedAt!.Value) > r.EffectiveDueOn);
        answered.ShouldContain(r => DeadlinePolicy.Default.DateOf(r.ClosedAt!.Value) <= r.EffectiveDueOn);
        requests.Where(r => r.Status != RequestStatus.Received || r.HandlerId is not null).ShouldContain(r => r.HandlerName == "Daan Jansen");
        requests.ShouldContain(r => r.Status == RequestStatus.Received && r.HandlerId == null);
        requests.ShouldAllBe(r => r.ReceivedAt <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task CasesCarryTheirDecisionsApprovalsAndAuditTrail()
    {
        var requests = await RequestsAsync();
        var responded = requests.Where(r => r.Status == RequestStatus.Responded).ToList();

        responded.ShouldAllBe(r => r.CurrentDecisions.Count > 0 && r.ApprovedByName == "Fatima El Amrani");
        requests.Where(r => r.Status == RequestStatus.Rejected).ShouldAllBe(r => r.Refusal != null);
        var verification = await factory.Services.GetRequiredService<AuditTrailVerifier>().VerifyAllAsync();
        verification.IsIntact.ShouldBeTrue();
        var respondedId = responded[0].Id.ToString();
        var trail = await WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == respondedId).Select(e => e.Action).ToListAsync());
        trail.ShouldContain("request.received");
        trail.ShouldContain("request.approved");
        trail.ShouldContain("request.responded");
    }

    [Fact]
    public async Task TheWellKnownCustomerLeftAYearAgoAndHasNoRequest()
    {
        var jan = await WithDbAsync(db => db.DataSubjects.AsNoTracking().SingleAsync(s => s.CustomerNumber == DemoCases.WellKnownCustomerNumber));

        jan.FullName.ShouldBe("Jan de Vries");
        jan.EmailAddresses.ShouldBe([DemoCases.WellKnownEmail]);
        jan.Categories.ShouldBe([SubjectCategory.Customer]);
        jan.RelationshipEnd.ShouldBe(DeadlinePolicy.Default.Today(TimeProvider.System).AddYears(-1));
        (await WithDbAsync(db => db.Requests.CountAsync(r => r.SubjectId == jan.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task SeedingAgainAddsNothing()
    {
        var added = await WithDbAsync(db => DemoCases.SeedAsync(db, Staff, DeadlinePolicy.Default, DateTimeOffset.UtcNow));

        added.ShouldBe(0);
        (await RequestsAsync()).Count.ShouldBe(DemoCases.RequestCount);
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameCasesAndAnotherSeedOtherCases()
    {
        var register = await WithDbAsync(db => db.Purposes.AsNoTracking().ToListAsync());

        var first = Fingerprint(DemoCases.Generate(register, Staff, DeadlinePolicy.Default, Now, seed: 7));
        var again = Fingerprint(DemoCases.Generate(register, Staff, DeadlinePolicy.Default, Now, seed: 7));
        var other = Fingerprint(DemoCases.Generate(register, Staff, DeadlinePolicy.Default, Now, seed: 8));

        again.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    private static string Fingerprint(DemoCaseSet set) => string.Join("\n",
        set.Subjects.Select(s => $"{s.FullName}|{string.Join(",", s.EmailAddresses)}|{s.CustomerNumber}|{s.RelationshipStart}|{s.RelationshipEnd}|{s.Consents.Count}")
            .Concat(set.Requests.Select(r => $"{r.Reference}|{r.Type}|{r.Channel}|{r.Status}|{r.ReceivedAt:O}|{r.DueOn}|{r.HandlerName}|{r.CurrentDecisions.Count}")));
}
