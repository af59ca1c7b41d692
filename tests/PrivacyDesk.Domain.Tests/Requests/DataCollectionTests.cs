using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class DataCollectionTests
{
    private static readonly DateOnly Today = ReceivedOn.AddDays(1);

    [Fact]
    public void PlansOneTaskPerSourceSystemInOneAction()
    {
        var request = InStatus(RequestStatus.InProgress);

        var tasks = request.PlanDataCollection(Officer, At(3), Today, ["CRM", "Kernsysteem", "crm ", " "], DueOn, "Jan (CRM-team)").ShouldSucceed();

        tasks.Select(task => task.SourceSystem).ShouldBe(["CRM", "Kernsysteem"]);
        request.CollectionTasks.ShouldAllBe(task => task.Status == DataCollectionStatus.Open && task.DueOn == DueOn && task.Contact == "Jan (CRM-team)");
        request.PendingChanges[^1].Action.ShouldBe(CollectionActions.Planned);
    }

    [Fact]
    public void PlanningAgainAddsOnlySystemsWithoutATask()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.PlanDataCollection(Officer, At(3), Today, ["CRM"], DueOn).ShouldSucceed();

        request.PlanDataCollection(Officer, At(4), Today, ["CRM"], DueOn).ShouldFailWith(CollectionErrors.NothingToPlan);
        request.PlanDataCollection(Officer, At(4), Today, ["CRM", "Archief"], DueOn).ShouldSucceed().Single().SourceSystem.ShouldBe("Archief");
    }

    [Fact]
    public void RefusesADueDateAfterTheRequestsDeadline()
    {
        var request = InStatus(RequestStatus.InProgress);

        var result = request.PlanDataCollection(Officer, At(3), Today, ["CRM"], DueOn.AddDays(1));

        result.ShouldFailWith(CollectionErrors.DueAfterDeadline);
        result.Errors[0].Arguments!["deadline"].ShouldBe("2026-03-10");
        request.CollectionTasks.ShouldBeEmpty();
    }

    [Fact]
    public void AllowsADueDateUpToTheExtendedDeadlineOnceExtended()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.Extend(Officer, At(3), PrivacyDesk.Domain.Deadlines.ExtensionReason.Complexity, "Veel systemen.", Today, ExtendedDueOn).ShouldSucceed();

        request.PlanDataCollection(Officer, At(4), Today, ["CRM"], ExtendedDueOn).ShouldSucceed();
    }

    [Fact]
    public void OnceTheDeadlineHasPassedTheDataAreDueToday()
    {
        var request = InStatus(RequestStatus.InProgress);
        var late = DueOn.AddDays(3);

        request.PlanDataCollection(Officer, At(3), late, ["CRM"], late.AddDays(1)).ShouldFailWith(CollectionErrors.DueAfterDeadline);
        request.PlanDataCollection(Officer, At(3), late, ["CRM"], late).ShouldSucceed();
    }

    [Fact]
    public void RefusesADueDateInThePast()
    {
        var request = InStatus(RequestStatus.InProgress);

        request.PlanDataCollection(Officer, At(3), Today, ["CRM"], Today.AddDays(-1)).ShouldFailWith(CollectionErrors.DueInPast);
    }

    [Fact]
    public void CollectsOnlyWhileTheRequestIsInProgress()
    {
        InStatus(RequestStatus.Received).PlanDataCollection(Officer, At(3), Today, ["CRM"], DueOn).ShouldFailWith(RequestErrors.TransitionNotAllowed);
        InStatus(RequestStatus.InProgress).PlanDataCollection(Auditor, At(3), Today, ["CRM"], DueOn).ShouldFailWith(RequestErrors.Forbidden);
    }

    [Fact]
    public void NotApplicableNeedsAReasonAndClosesTheTask()
    {
        var request = InStatus(RequestStatus.InProgress);
        var task = request.PlanDataCollection(Officer, At(3), Today, ["CRM"], DueOn).ShouldSucceed().Single();

        request.MarkCollectionTaskNotApplicable(Officer, At(4), task.Id, "  ").ShouldFailWith(CollectionErrors.ReasonRequired);
        request.MarkCollectionTaskNotApplicable(Officer, At(4), task.Id, "Geen klant in dit systeem.").ShouldSucceed();

        task.Status.ShouldBe(DataCollectionStatus.NotApplicable);
        task.NotApplicableReason.ShouldBe("Geen klant in dit systeem.");
        request.RescheduleCollectionTask(Officer, At(5), Today, task.Id, null, DueOn).ShouldFailWith(CollectionErrors.TaskClosed);
    }

    [Fact]
    public void RecordsAnExtractByItsHashWithoutItsFileNameInTheAudit()
    {
        var request = InStatus(RequestStatus.InProgress);
        var task = request.PlanDataCollection(Officer, At(3), Today, ["CRM"], DueOn).ShouldSucceed().Single();
        var sha = new string('a', 64);

        request.RecordCollectionExtract(Officer, At(4), task.Id, new ExtractReceipt(Guid.NewGuid(), "C:\\exports\\ayse-celik.csv", sha, 3, 120)).ShouldSucceed();

        task.Status.ShouldBe(DataCollectionStatus.ExtractReceived);
        task.ExtractFileName.ShouldBe("ayse-celik.csv");
        task.ExtractRowCount.ShouldBe(3);
        var change = request.PendingChanges[^1];
        change.Action.ShouldBe(CollectionActions.ExtractReceived);
        change.After!["sha256"].ShouldBe(sha);
        change.After.Values.ShouldNotContain(value => value != null && value.Contains("celik", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void RefusesATaskOfAnotherRequest()
    {
        var request = InStatus(RequestStatus.InProgress);

        request.MarkCollectionTaskNotApplicable(Officer, At(4), Guid.NewGuid(), "reden").ShouldFailWith(CollectionErrors.TaskUnknown);
    }
}
