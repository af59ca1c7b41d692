using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Tests.Deadlines;

public sealed class CompanyClosingDayTests
{
    private static readonly Actor TeamLead = new("lead-1", "Fatima El Amrani", [StaffRole.TeamLead]);
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RecordsTheDayWhoAddedItAndWhen()
    {
        var day = CompanyClosingDay.Add(new DateOnly(2026, 5, 15), "  Dag na Hemelvaart ", TeamLead, Now).Value;

        day.Id.ShouldNotBe(Guid.Empty);
        day.Date.ShouldBe(new DateOnly(2026, 5, 15));
        day.Description.ShouldBe("Dag na Hemelvaart");
        day.CreatedById.ShouldBe("lead-1");
        day.CreatedByName.ShouldBe("Fatima El Amrani");
        day.CreatedAt.ShouldBe(Now);
    }

    [Fact]
    public void RecordsTheAdditionForTheAuditTrail()
    {
        var day = CompanyClosingDay.Add(new DateOnly(2026, 5, 15), "Dag na Hemelvaart", TeamLead, Now).Value;

        var change = day.PendingChanges.Single();
        change.Action.ShouldBe("calendar.closing_day.added");
        change.EntityId.ShouldBe(day.Id.ToString());
        change.ActorId.ShouldBe("lead-1");
        change.After!["Date"].ShouldBe("2026-05-15");
    }

    [Fact]
    public void RecordsTheRemovalForTheAuditTrail()
    {
        var day = CompanyClosingDay.Add(new DateOnly(2026, 5, 15), "Dag na Hemelvaart", TeamLead, Now).Value;
        day.DequeueChanges();

        day.Remove(TeamLead, Now.AddDays(1));

        var change = day.PendingChanges.Single();
        change.Action.ShouldBe("calendar.closing_day.removed");
        change.Before!["Description"].ShouldBe("Dag na Hemelvaart");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RefusesADayWithoutADescription(string? description)
    {
        CompanyClosingDay.Add(new DateOnly(2026, 5, 15), description, TeamLead, Now)
            .Errors.Single().Code.ShouldBe("deadline.closing_day.description_required");
    }

    [Fact]
    public void RefusesADescriptionLongerThanTheColumn()
    {
        CompanyClosingDay.Add(new DateOnly(2026, 5, 15), new string('x', CompanyClosingDay.DescriptionMaxLength + 1), TeamLead, Now)
            .Errors.Single().Code.ShouldBe("deadline.closing_day.description_too_long");
    }
}
