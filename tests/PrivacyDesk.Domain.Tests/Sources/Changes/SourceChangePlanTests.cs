using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Tests.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;
using static PrivacyDesk.Domain.Tests.Sources.Changes.PlanCases;

namespace PrivacyDesk.Domain.Tests.Sources.Changes;

public sealed class SourceChangePlanTests
{
    [Fact]
    public void ACasePlanWaitsForApprovalWithEverySystemPendingAndTheHandlerRemembered()
    {
        var request = ErasureCase();

        var plan = Plan(request, Connected(Core, "Core banking", Statement("newsletter", 2)), Manual(Archive, "Archive"));

        plan.Status.ShouldBe(SourceChangePlanStatus.AwaitingApproval);
        plan.RequestId.ShouldBe(request.Id);
        plan.SubjectId.ShouldBe(request.SubjectId);
        plan.Kind.ShouldBe(RequestType.Erasure);
        plan.HandlerId.ShouldBe(Officer.Id);
        plan.Systems.ShouldAllBe(s => s.State == PlannedSystemState.Pending);
        plan.PendingSystems().Count.ShouldBe(2);
        var planned = plan.PendingChanges.ShouldHaveSingleItem();
        planned.Action.ShouldBe("source.change.planned");
        planned.After!["Systems"]!.ShouldContain("Core banking");
        planned.After!["Systems"]!.ShouldContain("Archive (map v0): by hand");
    }

    [Theory]
    [InlineData(RequestType.Access)]
    [InlineData(RequestType.Portability)]
    [InlineData(RequestType.Objection)]
    public void OnlyErasureRestrictionAndRectificationChangeSources(RequestType type)
    {
        var request = InStatus(RequestStatus.InProgress, type);

        SourceChangePlan.ForCase(request, 1, "fp", [Connected(Core, "Core banking", Statement("t", 1))], [], Officer, At(10))
            .ShouldFailWith(SourceChangeErrors.KindNotChanging);
    }

    [Fact]
    public void APlanNeedsSystemsAFingerprintAndAVersionAndIsMadeBySomeoneWhoHandlesCases()
    {
        SourceChangePlan.ForCase(ErasureCase(), 0, " ", [], [], Auditor, At(10)).ShouldFailWith(
            SourceChangeErrors.Forbidden, SourceChangeErrors.FingerprintInvalid, SourceChangeErrors.NothingToDo, SourceChangeErrors.VersionInvalid);
        var twice = Connected(Core, "Core banking", Statement("t", 1));
        SourceChangePlan.ForCase(ErasureCase(), 1, "fp", [twice, twice], [], Officer, At(10)).ShouldFailWith(SourceChangeErrors.SystemDuplicate);
    }

    [Fact]
    public void AnotherTeamLeadApprovesAndTheApprovalIsAudited()
    {
        var plan = Plan();

        plan.Approve(TeamLead, At(11), 10_000, confirmLargeChange: false).ShouldSucceed();

        plan.Status.ShouldBe(SourceChangePlanStatus.Approved);
        plan.ApprovedById.ShouldBe(TeamLead.Id);
        plan.ApprovedByName.ShouldBe(TeamLead.Name);
        plan.ApprovedAt.ShouldBe(At(11));
        plan.LargeChangeConfirmed.ShouldBeFalse();
        plan.PendingChanges[^1].Action.ShouldBe("source.change.approved");
    }

    [Fact]
    public void TheCasesHandlerCannotApproveEvenAsTeamLead()
    {
        var request = ErasureCase();
        request.Assign(TeamLead, TeamLead, At(5)).ShouldSucceed();
        var plan = Plan(request);

        plan.Approve(TeamLead, At(11), 10_000, false).ShouldFailWith(SourceChangeErrors.ApprovalOwnPlan);
        plan.Status.ShouldBe(SourceChangePlanStatus.AwaitingApproval);
        plan.Approve(OtherTeamLead, At(11), 10_000, false).ShouldSucceed();
    }

    [Fact]
    public void ThePlansMakerCannotApproveIt()
    {
        var plan = SourceChangePlan.ForCase(ErasureCase(), 1, "fp", [Connected(Core, "Core banking", Statement("t", 1))], [], TeamLead, At(10)).ShouldSucceed();

        plan.Approve(TeamLead, At(11), 10_000, false).ShouldFailWith(SourceChangeErrors.ApprovalOwnPlan);
        plan.Approve(OtherTeamLead, At(11), 10_000, false).ShouldSucceed();
    }

    [Fact]
    public void AnOfficerCannotApproveAndAPlanIsApprovedOnlyOnce()
    {
        var plan = Plan();

        plan.Approve(OtherOfficer, At(11), 10_000, false).ShouldFailWith(SourceChangeErrors.ApprovalNotPermitted);
        plan.Approve(TeamLead, At(11), 10_000, false).ShouldSucceed();
        plan.Approve(OtherTeamLead, At(12), 10_000, false).ShouldFailWith(SourceChangeErrors.NotAwaitingApproval);
        plan.ApprovedById.ShouldBe(TeamLead.Id);
    }

    [Fact]
    public void AStatementAboveTheMaximumNeedsTheApproversSecondConfirmation()
    {
        var plan = Plan(Connected(Core, "Core banking", Statement("newsletter", 2), Statement("transactions", 12_000)));

        var first = plan.Approve(TeamLead, At(11), 10_000, confirmLargeChange: false);

        first.ShouldFailWith(SourceChangeErrors.LargeChangeUnconfirmed);
        first.Errors[0].Arguments!["count"].ShouldBe("12000");
        first.Errors[0].Arguments!["table"].ShouldBe("Core banking: public.transactions");
        plan.Status.ShouldBe(SourceChangePlanStatus.AwaitingApproval);

        plan.Approve(TeamLead, At(11), 10_000, confirmLargeChange: true).ShouldSucceed();
        plan.LargeChangeConfirmed.ShouldBeTrue();
    }

    [Fact]
    public void NothingRunsBeforeApprovalAndManualSystemsNeverRun()
    {
        var plan = Plan(Connected(Core, "Core banking", Statement("newsletter", 2)), Manual(Archive, "Archive"));

        plan.MayRun(Core).ShouldFailWith(SourceChangeErrors.NotApproved);
        plan.Approve(TeamLead, At(11), 10_000, false).ShouldSucceed();
        plan.MayRun(Core).ShouldSucceed();
        plan.MayRun(Archive).ShouldFailWith(SourceChangeErrors.SystemIsManual);
        plan.MayRun(Guid.NewGuid()).ShouldFailWith(SourceChangeErrors.SystemUnknown);
    }

    [Fact]
    public void ADoneSystemKeepsItsProofAndThePlanCompletesWhenEverySystemIsFinished()
    {
        var plan = Approved(Connected(Core, "Core banking", Statement("newsletter", 2)), Manual(Archive, "Archive"));
        var executed = new[] { Statement("newsletter", 2) with { ExecutedCount = 3, AddedSince = 1 } };

        plan.RecordDone(Core, executed, Proof(), At(12)).ShouldSucceed();

        var core = plan.System(Core)!;
        core.State.ShouldBe(PlannedSystemState.Done);
        core.Proof.ShouldNotBeNull().Holds.ShouldBeTrue();
        core.DryRun[0].ExecutedCount.ShouldBe(3);
        core.Attempts.ShouldBe(1);
        plan.Status.ShouldBe(SourceChangePlanStatus.Approved);
        plan.ProvenSystems().ShouldHaveSingleItem().SystemId.ShouldBe(Core);
        var done = plan.PendingChanges[^1];
        done.Action.ShouldBe("source.change.system_done");
        done.After!["Proof"]!.ShouldBe("public.newsletter: 0 remaining, 0 expected, statement sha-newsletter");
        done.After!["Executed"]!.ShouldContain("3 rows (1 added since the dry run)");
        plan.MayRun(Core).ShouldFailWith(SourceChangeErrors.SystemFinished);

        plan.ConfirmByHand(Archive, "  Archive team deleted the folder on 6 Dec, ticket ARC-12  ", Officer, At(13)).ShouldSucceed();

        plan.System(Archive)!.State.ShouldBe(PlannedSystemState.ConfirmedByHand);
        plan.System(Archive)!.HandNote.ShouldBe("Archive team deleted the folder on 6 Dec, ticket ARC-12");
        plan.System(Archive)!.HandConfirmedByName.ShouldBe(Officer.Name);
        plan.ConfirmedSystems().ShouldHaveSingleItem();
        plan.Status.ShouldBe(SourceChangePlanStatus.Completed);
        plan.CompletedAt.ShouldBe(At(13));
        var confirmed = plan.PendingChanges[^1];
        confirmed.Action.ShouldBe("source.change.confirmed_by_hand");
        confirmed.After!["PlanStatus"].ShouldBe("Completed");
        // The note is free text: it stays on the plan, not in the audit trail.
        confirmed.After!.Values.ShouldNotContain(v => v != null && v.Contains("ARC-12"));
    }

    [Fact]
    public void AProofThatDoesNotHoldIsRefusedAndTheSystemStaysToDo()
    {
        var plan = Approved();

        plan.RecordDone(Core, [], Proof(remaining: 1), At(12)).ShouldFailWith(SourceChangeErrors.ProofDoesNotHold);

        plan.System(Core)!.State.ShouldBe(PlannedSystemState.Pending);
        plan.Status.ShouldBe(SourceChangePlanStatus.Approved);
    }

    [Fact]
    public void AFailedSystemMayBeRetriedAndCountsItsAttempts()
    {
        var plan = Approved();

        plan.RecordFailed(Core, "source.connection.unreachable", At(12)).ShouldSucceed();

        plan.System(Core)!.State.ShouldBe(PlannedSystemState.Failed);
        plan.System(Core)!.FailureCode.ShouldBe("source.connection.unreachable");
        plan.PendingChanges[^1].Action.ShouldBe("source.change.system_failed");
        plan.MayRun(Core).ShouldSucceed();
        plan.RecordDone(Core, [], Proof(), At(13)).ShouldSucceed();
        plan.System(Core)!.Attempts.ShouldBe(2);
        plan.System(Core)!.FailureCode.ShouldBeNull();
        plan.Status.ShouldBe(SourceChangePlanStatus.Completed);
        plan.RecordFailed(Core, " ", At(14)).ShouldFailWith(SourceChangeErrors.ErrorCodeRequired);
    }

    [Fact]
    public void ASystemWhoseRowsChangedWaitsForANewPlanAndNeverRunsAgainUnderThisOne()
    {
        var plan = Approved();

        plan.RecordNeedsNewApproval(Core, At(12)).ShouldSucceed();

        plan.System(Core)!.State.ShouldBe(PlannedSystemState.NeedsNewApproval);
        plan.System(Core)!.FailureCode.ShouldBe(SourceChangeErrors.PlanChanged.Code);
        plan.PendingChanges[^1].Action.ShouldBe("source.change.needs_new_approval");
        plan.MayRun(Core).ShouldFailWith(SourceChangeErrors.SystemNeedsNewApproval);
        plan.RecordDone(Core, [], Proof(), At(13)).ShouldFailWith(SourceChangeErrors.SystemNeedsNewApproval);
        plan.PendingSystems().ShouldHaveSingleItem();
    }

    [Fact]
    public void ConfirmingByHandNeedsAManualSystemAnApprovedPlanAndANote()
    {
        var plan = Plan(Connected(Core, "Core banking", Statement("newsletter", 2)), Manual(Archive, "Archive"));

        plan.ConfirmByHand(Archive, "done", Officer, At(11)).ShouldFailWith(SourceChangeErrors.NotApproved);
        plan.Approve(TeamLead, At(11), 10_000, false).ShouldSucceed();
        plan.ConfirmByHand(Core, "done", Officer, At(12)).ShouldFailWith(SourceChangeErrors.NotByHand);
        plan.ConfirmByHand(Archive, "  ", Officer, At(12)).ShouldFailWith(SourceChangeErrors.HandNoteRequired);
        plan.ConfirmByHand(Archive, new string('x', SourceChangePlan.NoteMaxLength + 1), Officer, At(12)).ShouldFailWith(SourceChangeErrors.HandNoteTooLong);
        plan.ConfirmByHand(Archive, "done", Auditor, At(12)).ShouldFailWith(SourceChangeErrors.Forbidden);
        plan.System(Archive)!.State.ShouldBe(PlannedSystemState.Pending);
        plan.ConfirmByHand(Archive, "done", Officer, At(12)).ShouldSucceed();
        plan.ConfirmByHand(Archive, "again", Officer, At(13)).ShouldFailWith(SourceChangeErrors.SystemFinished);
    }

    [Fact]
    public void AConnectedSystemWithWorkByHandIsRunFirstAndCompletesOnlyOnceTheHandWorkIsConfirmed()
    {
        var mixed = Connected(Crm, "CRM", Statement("contacts", 1, SourceChangeOperation.MarkRestricted));
        mixed = mixed with
        {
            Plan = mixed.Plan with { ByHand = [new HandInstruction("public.notes", SourceChangeOperation.MarkRestricted, ["marketing"], "No marker in the map: restrict by hand.")] },
        };
        var plan = Approved(mixed);

        plan.ConfirmByHand(Crm, "done", Officer, At(12)).ShouldFailWith(SourceChangeErrors.RunBeforeHand);
        plan.RecordDone(Crm, [], Proof(), At(12)).ShouldSucceed();
        plan.Status.ShouldBe(SourceChangePlanStatus.Approved);
        plan.ConfirmByHand(Crm, "Notes flagged by the CRM team", Officer, At(13)).ShouldSucceed();

        plan.System(Crm)!.State.ShouldBe(PlannedSystemState.Done);
        plan.Status.ShouldBe(SourceChangePlanStatus.Completed);
    }

    [Fact]
    public void ASupersededPlanIsClosedButKeepsWhatWasDone()
    {
        var plan = Approved(Connected(Core, "Core banking", Statement("newsletter", 2)), Connected(Crm, "CRM", Statement("contacts", 1)));
        plan.RecordDone(Core, [], Proof(), At(12)).ShouldSucceed();

        plan.Supersede(Officer, At(13), " ").ShouldFailWith(SourceChangeErrors.ReasonRequired);
        plan.Supersede(Officer, At(13), "Decision for purpose marketing changed").ShouldSucceed();

        plan.Status.ShouldBe(SourceChangePlanStatus.Superseded);
        plan.SupersededAt.ShouldBe(At(13));
        plan.IsOpen.ShouldBeFalse();
        plan.System(Core)!.State.ShouldBe(PlannedSystemState.Done);
        var superseded = plan.PendingChanges[^1];
        superseded.Action.ShouldBe("source.change.superseded");
        superseded.Reason.ShouldBe("Decision for purpose marketing changed");
        superseded.After!["SystemsDone"].ShouldBe("Core banking");
        plan.MayRun(Crm).ShouldFailWith(SourceChangeErrors.NotApproved);
        plan.Supersede(Officer, At(14), "again").ShouldFailWith(SourceChangeErrors.Closed);
    }

    [Fact]
    public void ARetentionFollowUpIsApprovedByAnyTeamLeadButItsMaker()
    {
        var maker = new Actor("lead-3", "Lotte Lead", [StaffRole.TeamLead]);
        var entry = RetentionLedgerEntryTests.Entry(new DateOnly(2026, 1, 31));

        var plan = SourceChangePlan.ForRetentionEnd(entry, "fp", [Connected(Core, "Core banking", Statement("kyc_documents", 1))], ["h"], maker, At(20)).ShouldSucceed();

        plan.RequestId.ShouldBeNull();
        plan.RetentionEntryId.ShouldBe(entry.Id);
        plan.SubjectId.ShouldBe(entry.SubjectId);
        plan.Kind.ShouldBe(RequestType.Erasure);
        plan.IsRetentionFollowUp.ShouldBeTrue();
        plan.Approve(maker, At(21), 10_000, false).ShouldFailWith(SourceChangeErrors.ApprovalOwnPlan);
        plan.Approve(TeamLead, At(21), 10_000, false).ShouldSucceed();
    }

    [Fact]
    public void ANewPlanStartsPendingWhateverStateItsSystemsCameWith()
    {
        var done = Connected(Core, "Core banking", Statement("newsletter", 2)) with { State = PlannedSystemState.Done, Proof = Proof() };

        var plan = Plan(done);

        plan.System(Core)!.State.ShouldBe(PlannedSystemState.Pending);
        plan.System(Core)!.Proof.ShouldBeNull();
    }

    [Fact]
    public void ASystemThatOnlyKeepsDataIsDoneAtApprovalWithoutARun()
    {
        var keptOnly = Connected(Archive, "KYC-tool") with { DryRun = [] };
        keptOnly = keptOnly with { Plan = keptOnly.Plan with { Changes = [] } };
        var plan = Plan(Connected(Core, "Core banking", Statement("newsletter", 2)), keptOnly);

        plan.System(Archive)!.State.ShouldBe(PlannedSystemState.Pending);
        plan.Approve(TeamLead, At(11), 10_000, false).ShouldSucceed();

        var kyc = plan.System(Archive)!;
        kyc.State.ShouldBe(PlannedSystemState.Done);
        kyc.Proof.ShouldNotBeNull().Tables.ShouldBeEmpty();
        plan.PendingChanges[^1].Action.ShouldBe("source.change.system_done");
        plan.PendingChanges[^1].After!["Kept"].ShouldBe("public.kyc_documents for kyc");
        plan.System(Core)!.State.ShouldBe(PlannedSystemState.Pending);
        plan.Status.ShouldBe(SourceChangePlanStatus.Approved);
        plan.RecordDone(Core, [], Proof(), At(12)).ShouldSucceed();
        plan.Status.ShouldBe(SourceChangePlanStatus.Completed);
    }

    [Fact]
    public void TheFingerprintChangesWithADecisionOrAMapVersionButNotWithOrder()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();

        var first = SourceChangePlan.FingerprintOf([a, b], [(Core, 3), (Crm, 1)]);

        first.Length.ShouldBeLessThanOrEqualTo(SourceChangePlan.FingerprintMaxLength);
        SourceChangePlan.FingerprintOf([b, a], [(Crm, 1), (Core, 3)]).ShouldBe(first);
        SourceChangePlan.FingerprintOf([a, Guid.NewGuid()], [(Core, 3), (Crm, 1)]).ShouldNotBe(first);
        SourceChangePlan.FingerprintOf([a, b], [(Core, 4), (Crm, 1)]).ShouldNotBe(first);
    }

    [Fact]
    public void ASupersededFollowUpIsReplacedByANewerVersionForTheSameEntry()
    {
        var entry = RetentionLedgerEntryTests.Entry(new DateOnly(2026, 1, 31));
        var first = SourceChangePlan.ForRetentionEnd(entry, "fp", [Connected(Core, "Core banking", Statement("kyc_documents", 1))], [], Actor.System, At(20)).ShouldSucceed();
        entry.PlanFollowUp(first.Id, Actor.System, new DateTimeOffset(2026, 2, 2, 1, 0, 0, TimeSpan.Zero)).ShouldSucceed();
        first.Supersede(Actor.System, At(21), "The map changed").ShouldSucceed();

        var second = SourceChangePlan.ForRetentionEnd(entry, "fp2", [Connected(Core, "Core banking", Statement("kyc_documents", 1))], [], Actor.System, At(22), version: 2).ShouldSucceed();
        entry.PlanFollowUp(second.Id, Actor.System, new DateTimeOffset(2026, 2, 3, 1, 0, 0, TimeSpan.Zero)).ShouldSucceed();

        second.Version.ShouldBe(2);
        entry.FollowUpPlanId.ShouldBe(second.Id);
        entry.Status.ShouldBe(RetentionEntryStatus.FollowUpPlanned);
        entry.PendingChanges[^1].Before!["FollowUpPlanId"].ShouldBe(first.Id.ToString());
    }

    [Fact]
    public void EveryCodeHasADutchAndEnglishSentenceInTheCatalog()
    {
        foreach (var error in new[] { SourceChangeErrors.PlanChanged, SourceChangeErrors.LargeChangeUnconfirmed, SourceChangeErrors.RetentionNotDue })
        {
            ErrorCatalog.Messages.ShouldContainKey(error.Code);
        }
        ErrorCatalog.Message(SourceChangeErrors.PlanChanged with { Arguments = new Dictionary<string, string> { ["system"] = "CRM" } }, "en")!
            .ShouldStartWith("The data in CRM changed since the approved dry run");
    }
}
