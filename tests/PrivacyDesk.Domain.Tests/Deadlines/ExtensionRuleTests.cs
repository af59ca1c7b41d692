using PrivacyDesk.Domain.Deadlines;

namespace PrivacyDesk.Domain.Tests.Deadlines;

public sealed class ExtensionRuleTests
{
    // Worked example 1 of deadlines.md: due Tue 10 Mar 2026, extended Mon 11 May 2026.
    private static readonly ResponseDeadline Deadline =
        new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, DeadlinePolicy.Default).ForReceiptOn(new DateOnly(2026, 2, 10));

    [Fact]
    public void ExtendsOnTheOriginalDeadlineWithAReason()
    {
        var result = ExtensionRule.MayExtend(Deadline, new DateOnly(2026, 3, 10), alreadyExtended: false, ExtensionReason.Complexity, "  Gegevens in drie systemen.  ");

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBe(new ResponseExtension(ExtensionReason.Complexity, "Gegevens in drie systemen.", new DateOnly(2026, 3, 10), new DateOnly(2026, 5, 11)));
    }

    [Fact]
    public void ExtendsForTheNumberOfRequests()
    {
        ExtensionRule.MayExtend(Deadline, new DateOnly(2026, 2, 20), false, ExtensionReason.NumberOfRequests, "Twaalf verzoeken in een week.")
            .Value.Reason.ShouldBe(ExtensionReason.NumberOfRequests);
    }

    [Fact]
    public void RefusesAfterTheOriginalDeadline()
    {
        var result = ExtensionRule.MayExtend(Deadline, new DateOnly(2026, 3, 11), false, ExtensionReason.Complexity, "Complex.");

        result.Errors.Select(error => error.Code).ShouldBe(["deadline.extension.too_late"]);
    }

    [Fact]
    public void RefusesASecondExtension()
    {
        var result = ExtensionRule.MayExtend(Deadline, new DateOnly(2026, 3, 1), alreadyExtended: true, ExtensionReason.Complexity, "Complex.");

        result.Errors.Select(error => error.Code).ShouldBe(["deadline.extension.already_extended"]);
    }

    [Fact]
    public void RefusesWithoutAReason()
    {
        var result = ExtensionRule.MayExtend(Deadline, new DateOnly(2026, 3, 1), false, reason: null, "Complex.");

        result.Errors.Single().ShouldBe(DeadlineErrors.ExtensionReasonRequired);
        result.Errors.Single().Field.ShouldBe("Reason");
    }

    [Fact]
    public void RefusesAReasonTheLawDoesNotKnow()
    {
        ExtensionRule.MayExtend(Deadline, new DateOnly(2026, 3, 1), false, (ExtensionReason)42, "Complex.")
            .Errors.Single().Code.ShouldBe("deadline.extension.reason_required");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesWithoutAnExplanation(string? explanation)
    {
        ExtensionRule.MayExtend(Deadline, new DateOnly(2026, 3, 1), false, ExtensionReason.Complexity, explanation)
            .Errors.Single().Code.ShouldBe("deadline.extension.explanation_required");
    }

    [Fact]
    public void RefusesAnExplanationLongerThanTheColumn()
    {
        var explanation = new string('x', ExtensionRule.ExplanationMaxLength + 1);

        ExtensionRule.MayExtend(Deadline, new DateOnly(2026, 3, 1), false, ExtensionReason.Complexity, explanation)
            .Errors.Single().Code.ShouldBe("deadline.extension.explanation_too_long");
    }

    [Fact]
    public void ListsEveryReasonItRefuses()
    {
        var result = ExtensionRule.MayExtend(Deadline, new DateOnly(2026, 4, 1), alreadyExtended: true, reason: null, explanation: null);

        result.Errors.Select(error => error.Code).ShouldBe(
        [
            "deadline.extension.already_extended", "deadline.extension.too_late",
            "deadline.extension.reason_required", "deadline.extension.explanation_required",
        ], ignoreOrder: true);
    }

    [Fact]
    public void JudgesLatenessAgainstTheOriginalDeadlineIncludingTheIdentityPause()
    {
        var pausing = DeadlinePolicy.Create("Europe/Amsterdam", identityVerificationPausesClock: true, 7).Value;
        var pause = IdentityPause.Between(new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 19)).Value;
        var paused = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, pausing).ForReceiptOn(new DateOnly(2026, 2, 10), pause);

        ExtensionRule.MayExtend(paused, new DateOnly(2026, 3, 17), false, ExtensionReason.Complexity, "Complex.").IsSuccess.ShouldBeTrue();
        ExtensionRule.MayExtend(paused, new DateOnly(2026, 3, 18), false, ExtensionReason.Complexity, "Complex.").IsFailure.ShouldBeTrue();
    }
}
