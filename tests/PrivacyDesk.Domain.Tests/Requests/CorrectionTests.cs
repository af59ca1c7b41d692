using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources.Changes;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class CorrectionTests
{
    private static DataSubjectRequest Rectification() => InStatus(RequestStatus.InProgress, RequestType.Rectification);

    [Fact]
    public void TheOfficerRecordsATrimmedCorrectedValueAndTheAuditNamesOnlyTheColumn()
    {
        var request = Rectification();
        request.DequeueChanges();

        var correction = request.RecordCorrection(Officer, At(5), " Core banking ", "public", " customers ", " street ", "  Dorpsstraat 12  ").ShouldSucceed();

        correction.SystemName.ShouldBe("Core banking");
        correction.Table.ShouldBe("customers");
        correction.Column.ShouldBe("street");
        correction.Value.ShouldBe("Dorpsstraat 12");
        correction.RecordedByName.ShouldBe(Officer.Name);
        request.Corrections.ShouldHaveSingleItem().ShouldBe(correction);
        var audit = request.PendingChanges.ShouldHaveSingleItem();
        audit.Action.ShouldBe("request.correction.recorded");
        audit.After!["column"].ShouldBe("street");
        audit.After!["table"].ShouldBe("public.customers");
        audit.After!.Values.ShouldNotContain(v => v != null && v.Contains("Dorpsstraat"));
    }

    [Fact]
    public void ASecondValueForTheSameColumnReplacesTheFirst()
    {
        var request = Rectification();
        request.RecordCorrection(Officer, At(5), "Core banking", "public", "customers", "street", "Dorpstraat 12").ShouldSucceed();

        request.RecordCorrection(Officer, At(6), "CORE BANKING", "public", "customers", "street", "Dorpsstraat 12").ShouldSucceed();

        request.Corrections.ShouldHaveSingleItem().Value.ShouldBe("Dorpsstraat 12");
        request.PendingChanges[^1].After!["replacedEarlierValue"].ShouldBe("true");
    }

    [Fact]
    public void AValueIsRequiredAndLimitedAndTheColumnNamed()
    {
        var request = Rectification();

        request.RecordCorrection(Officer, At(5), "Core banking", null, "customers", "street", "   ").ShouldFailWith(SourceChangeErrors.CorrectionValueRequired);
        request.RecordCorrection(Officer, At(5), "Core banking", null, "customers", "street", new string('x', SourceCorrection.ValueMaxLength + 1))
            .ShouldFailWith(SourceChangeErrors.CorrectionValueTooLong);
        request.RecordCorrection(Officer, At(5), "Core banking", null, " ", "street", "x").ShouldFailWith(SourceChangeErrors.CorrectionTargetRequired);
        request.Corrections.ShouldBeEmpty();
    }

    [Fact]
    public void OnlyARectificationInProgressTakesCorrectionsAndOnlyFromSomeoneWhoHandlesCases()
    {
        InStatus(RequestStatus.InProgress, RequestType.Erasure).RecordCorrection(Officer, At(5), "Core banking", null, "customers", "street", "x")
            .ShouldFailWith(SourceChangeErrors.CorrectionNotRectification);
        InStatus(RequestStatus.Received, RequestType.Rectification).RecordCorrection(Officer, At(5), "Core banking", null, "customers", "street", "x")
            .ShouldFailWith(RequestErrors.TransitionNotAllowed);
        Rectification().RecordCorrection(Auditor, At(5), "Core banking", null, "customers", "street", "x").ShouldFailWith(RequestErrors.Forbidden);
    }

    [Fact]
    public void ACorrectionCanBeRemovedWhileTheCaseIsHandled()
    {
        var request = Rectification();
        var correction = request.RecordCorrection(Officer, At(5), "Core banking", null, "customers", "street", "Dorpsstraat 12").ShouldSucceed();

        request.RemoveCorrection(Officer, At(6), Guid.NewGuid()).ShouldFailWith(SourceChangeErrors.CorrectionNotFound);
        request.RemoveCorrection(Officer, At(6), correction.Id).ShouldSucceed();

        request.Corrections.ShouldBeEmpty();
        var removed = request.PendingChanges[^1];
        removed.Action.ShouldBe("request.correction.removed");
        removed.Before!["column"].ShouldBe("street");
    }
}
