using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Tests.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;
using static PrivacyDesk.Domain.Tests.Sources.Changes.PlanCases;

namespace PrivacyDesk.Domain.Tests.Sources.Changes;

public sealed class RetentionLedgerEntryTests
{
    private static readonly DateTimeOffset OnFebruaryFirst = new(2026, 2, 1, 3, 0, 0, TimeSpan.FromHours(1));

    public static RetentionLedgerEntry Entry(DateOnly? until)
    {
        var plan = Plan();
        var system = plan.System(Core)!.Plan;
        var kept = system.Kept[0] with { Until = until };
        return RetentionLedgerEntry.Keep(plan, plan.RequestId!.Value, system, kept, Officer, At(12)).ShouldSucceed();
    }

    [Fact]
    public void KeptDataWithARetentionPeriodBecomeARunningEntryWithItsEndDate()
    {
        var plan = Plan();
        var system = plan.System(Core)!.Plan;

        var entry = RetentionLedgerEntry.Keep(plan, plan.RequestId!.Value, system, system.Kept[0], Officer, At(12)).ShouldSucceed();

        entry.Status.ShouldBe(RetentionEntryStatus.Running);
        entry.EndsOn.ShouldBe(new DateOnly(2030, 5, 31));
        entry.SubjectId.ShouldBe(plan.SubjectId);
        entry.PlanId.ShouldBe(plan.Id);
        entry.SourceSystemId.ShouldBe(Core);
        entry.SystemName.ShouldBe("Core banking");
        entry.PurposeKey.ShouldBe("kyc");
        entry.Tables.ShouldBe(["public.kyc_documents"]);
        entry.Retention.ShouldBe(Wwft);
        var kept = entry.PendingChanges.ShouldHaveSingleItem();
        kept.Action.ShouldBe("retention.entry.kept");
        kept.After!["EndsOn"].ShouldBe("2030-05-31");
        kept.After!["Tables"].ShouldBe("public.kyc_documents");
    }

    [Fact]
    public void KeptDataWithoutAPeriodOrOutsideAnErasureMakeNoEntry()
    {
        var plan = Plan();
        var system = plan.System(Core)!.Plan;
        RetentionLedgerEntry.Keep(plan, plan.RequestId!.Value, system, system.Kept[0] with { Retention = null }, Officer, At(12))
            .ShouldFailWith(SourceChangeErrors.RetentionMissing);

        var restriction = Plan(InStatus(RequestStatus.InProgress, RequestType.Restriction), Connected(Core, "Core banking", Statement("t", 1)));
        RetentionLedgerEntry.Keep(restriction, restriction.RequestId!.Value, system, system.Kept[0], Officer, At(12))
            .ShouldFailWith(SourceChangeErrors.RetentionNotErasure);
    }

    [Fact]
    public void KeepAllMakesOneEntryPerKeptPurposeWithAllItsTables()
    {
        var plan = Plan();
        var system = plan.System(Core)!.Plan with
        {
            Kept =
            [
                new KeptData("public", "kyc_documents", PurposeA, "kyc", Wwft, null, ["document_number"]),
                new KeptData("public", "customers", PurposeA, "kyc", Wwft, null, ["name"]),
                new KeptData("public", "notes", PurposeB, "unknown", null, null, ["text"]),
            ],
        };

        var entries = RetentionLedgerEntry.KeepAll(plan, plan.RequestId!.Value, system, Officer, At(12));

        var entry = entries.ShouldHaveSingleItem();
        entry.Tables.ShouldBe(["public.kyc_documents", "public.customers"]);
        entry.EndsOn.ShouldBeNull();
    }

    [Fact]
    public void RecordingTheRelationshipsEndGivesAnOpenEntryItsEndDate()
    {
        var entry = Entry(null);
        entry.DequeueChanges();

        entry.Recompute(new DateOnly(2026, 6, 30), new DateOnly(2015, 3, 1), Officer, At(20)).ShouldSucceed();

        entry.EndsOn.ShouldBe(new DateOnly(2031, 6, 30));
        var recomputed = entry.PendingChanges.ShouldHaveSingleItem();
        recomputed.Action.ShouldBe("retention.entry.recomputed");
        recomputed.Before!["EndsOn"].ShouldBeNull();
        recomputed.After!["EndsOn"].ShouldBe("2031-06-30");

        entry.Recompute(new DateOnly(2026, 6, 30), null, Officer, At(21)).ShouldSucceed();
        entry.PendingChanges.Count.ShouldBe(1);
    }

    [Fact]
    public void ADueEntryGetsAFollowUpPlanAndIsErasedWhenItRan()
    {
        var entry = Entry(new DateOnly(2026, 1, 31));
        var planId = Guid.NewGuid();

        entry.IsDue(new DateOnly(2026, 1, 31)).ShouldBeFalse();
        entry.IsDue(new DateOnly(2026, 2, 1)).ShouldBeTrue();
        entry.PlanFollowUp(planId, Officer, OnFebruaryFirst).ShouldSucceed();

        entry.Status.ShouldBe(RetentionEntryStatus.FollowUpPlanned);
        entry.FollowUpPlanId.ShouldBe(planId);
        entry.PendingChanges[^1].Action.ShouldBe("retention.entry.follow_up_planned");
        entry.Recompute(new DateOnly(2030, 1, 1), null, Officer, At(30)).ShouldFailWith(SourceChangeErrors.RetentionNotRunning);

        entry.MarkErased(Officer, OnFebruaryFirst.AddDays(2)).ShouldSucceed();

        entry.Status.ShouldBe(RetentionEntryStatus.Erased);
        entry.ErasedAt.ShouldBe(OnFebruaryFirst.AddDays(2));
        entry.PendingChanges[^1].Action.ShouldBe("retention.entry.erased");
        entry.MarkErased(Officer, OnFebruaryFirst.AddDays(3)).ShouldFailWith(SourceChangeErrors.RetentionNoFollowUp);
    }

    [Fact]
    public void AnEntryIsNotFollowedUpBeforeItsLastDayHasPassedNorWithoutAnEndDate()
    {
        var entry = Entry(new DateOnly(2026, 2, 1));
        entry.PlanFollowUp(Guid.NewGuid(), Officer, OnFebruaryFirst).ShouldFailWith(SourceChangeErrors.RetentionNotDue);
        Entry(null).PlanFollowUp(Guid.NewGuid(), Officer, OnFebruaryFirst).ShouldFailWith(SourceChangeErrors.RetentionNotDue);
        entry.Status.ShouldBe(RetentionEntryStatus.Running);
        entry.MarkErased(Officer, OnFebruaryFirst).ShouldFailWith(SourceChangeErrors.RetentionNoFollowUp);
    }

    [Fact]
    public void CancellingNeedsAReasonAndEndsTheEntry()
    {
        var entry = Entry(null);

        entry.Cancel(" ", Officer, At(20)).ShouldFailWith(SourceChangeErrors.RetentionReasonRequired);
        entry.Cancel("Plan superseded before it ran", Officer, At(20)).ShouldSucceed();

        entry.Status.ShouldBe(RetentionEntryStatus.Cancelled);
        entry.PendingChanges[^1].Reason.ShouldBe("Plan superseded before it ran");
        entry.Cancel("again", Officer, At(21)).ShouldFailWith(SourceChangeErrors.RetentionNotRunning);
        entry.Recompute(new DateOnly(2026, 6, 30), null, Officer, At(22)).ShouldFailWith(SourceChangeErrors.RetentionNotRunning);
    }
}
