using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class SourceSystemRenameTests
{
    private static readonly DateOnly Today = ReceivedOn.AddDays(1);
    private static readonly Actor Administrator = new("admin-1", "Beheer", ["Administrator"]);

    [Fact]
    public void RenamesTheOpenTaskOfTheSystemAndRecordsItOnTheCase()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.PlanDataCollection(Officer, At(3), Today, ["CRM", "Kernsysteem"], DueOn).ShouldSucceed();
        request.DequeueChanges();

        request.RenameSourceSystem("CRM", "CRM Nederland", Administrator, At(5)).ShouldBe(1);

        request.CollectionTasks.Select(t => t.SourceSystem).ShouldBe(["CRM Nederland", "Kernsysteem"]);
        var change = request.PendingChanges.ShouldHaveSingleItem();
        change.Action.ShouldBe(CollectionActions.SourceSystemRenamed);
        change.ActorName.ShouldBe("Beheer");
        change.Before!["sourceSystem"].ShouldBe("CRM");
        change.After!["sourceSystem"].ShouldBe("CRM Nederland");
    }

    [Fact]
    public void LeavesClosedTasksWithTheNameTheyWereClosedUnder()
    {
        var request = InStatus(RequestStatus.InProgress);
        var task = request.PlanDataCollection(Officer, At(3), Today, ["CRM"], DueOn).ShouldSucceed().Single();
        request.MarkCollectionTaskNotApplicable(Officer, At(4), task.Id, "Geen klant in het CRM").ShouldSucceed();
        request.DequeueChanges();

        request.RenameSourceSystem("CRM", "CRM Nederland", Administrator, At(5)).ShouldBe(0);

        task.SourceSystem.ShouldBe("CRM");
        request.PendingChanges.ShouldBeEmpty();
    }

    [Fact]
    public void DoesNotCountAsHandlingActivity()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.PlanDataCollection(Officer, At(3), Today, ["CRM"], DueOn).ShouldSucceed();
        var lastActivity = request.LastActivityAt;

        request.RenameSourceSystem("CRM", "CRM Nederland", Administrator, At(9));

        request.LastActivityAt.ShouldBe(lastActivity);
    }
}
