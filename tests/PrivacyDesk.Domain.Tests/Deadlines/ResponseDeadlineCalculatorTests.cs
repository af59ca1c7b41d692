using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Tests.Deadlines;

public sealed class ResponseDeadlineCalculatorTests
{
    private static readonly ResponseDeadlineCalculator Calculator = new(HolidayCalendar.LegalOnly, DeadlinePolicy.Default);

    private static DeadlinePolicy PausingPolicy => DeadlinePolicy.Create("Europe/Amsterdam", identityVerificationPausesClock: true, 7).Value;

    // The worked examples of deadlines.md: received, due, extended due.
    [Theory]
    [InlineData("2026-02-10", "2026-03-10", "2026-05-11")] // 10 May is a Sunday
    [InlineData("2026-01-26", "2026-02-26", "2026-04-28")] // 26 Apr is a Sunday, 27 Apr King's Day
    [InlineData("2026-04-14", "2026-05-15", "2026-07-14")] // 14 May 2026 is Ascension Day
    public void MatchesTheWorkedExamplesOfTheSpec(string received, string due, string extendedDue)
    {
        var deadline = Calculator.ForReceiptOn(Date(received));

        deadline.ShouldBe(new ResponseDeadline(Date(received), Date(due), Date(extendedDue), PausedDays: 0));
    }

    [Theory]
    [InlineData("2028-01-31", "2028-02-29")] // leap year: the 29th, a Tuesday
    [InlineData("2027-01-31", "2027-03-01")] // 28 Feb 2027 is a Sunday
    [InlineData("2026-03-31", "2026-04-30")]
    [InlineData("2026-08-31", "2026-09-30")]
    [InlineData("2026-11-30", "2026-12-30")]
    [InlineData("2028-02-29", "2028-03-29")]
    public void ClampsToTheLastDayOfAShorterMonth(string received, string due)
    {
        Calculator.ForReceiptOn(Date(received)).DueOn.ShouldBe(Date(due));
    }

    [Theory]
    [InlineData("2028-01-31", "2028-05-01")] // 30 Apr 2028 is a Sunday
    [InlineData("2026-11-30", "2027-03-01")] // 28 Feb 2027 is a Sunday
    [InlineData("2027-01-31", "2027-04-30")] // three months from receipt, not two from the rolled due date
    public void ComputesTheExtendedDeadlineAsThreeMonthsFromReceipt(string received, string extendedDue)
    {
        Calculator.ForReceiptOn(Date(received)).ExtendedDueOn.ShouldBe(Date(extendedDue));
    }

    [Theory]
    [InlineData("2025-11-25", "2025-12-29")] // Thu 25 Dec, Fri 26 Dec, weekend
    [InlineData("2026-11-25", "2026-12-28")] // Fri 25 Dec, weekend with Boxing Day on the Saturday
    [InlineData("2026-12-01", "2027-01-04")] // New Year's Day on a Friday
    public void RollsForwardOverChristmasAndNewYear(string received, string due)
    {
        Calculator.ForReceiptOn(Date(received)).DueOn.ShouldBe(Date(due));
    }

    [Fact]
    public void TakesTheReceiptDateInAmsterdamInWinter()
    {
        // 23:30 UTC is 00:30 CET on the next day.
        var deadline = Calculator.ForReceiptAt(new DateTimeOffset(2026, 1, 15, 23, 30, 0, TimeSpan.Zero));

        deadline.ReceivedOn.ShouldBe(new DateOnly(2026, 1, 16));
        deadline.DueOn.ShouldBe(new DateOnly(2026, 2, 16));
    }

    [Fact]
    public void TakesTheReceiptDateInAmsterdamInSummer()
    {
        // 22:30 UTC is 00:30 CEST on 1 July; 1 August 2026 is a Saturday.
        var deadline = Calculator.ForReceiptAt(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero));

        deadline.ReceivedOn.ShouldBe(new DateOnly(2026, 7, 1));
        deadline.DueOn.ShouldBe(new DateOnly(2026, 8, 3));
    }

    [Fact]
    public void KeepsTheSameDayJustBeforeMidnightInAmsterdam()
    {
        var deadline = Calculator.ForReceiptAt(new DateTimeOffset(2026, 6, 30, 21, 59, 0, TimeSpan.Zero));

        deadline.ReceivedOn.ShouldBe(new DateOnly(2026, 6, 30));
        deadline.DueOn.ShouldBe(new DateOnly(2026, 7, 30));
    }

    [Fact]
    public void IgnoresTheOffsetTheInstantWasWrittenIn()
    {
        var inNewYork = new DateTimeOffset(2026, 1, 15, 18, 30, 0, TimeSpan.FromHours(-5));

        Calculator.ForReceiptAt(inNewYork).ReceivedOn.ShouldBe(new DateOnly(2026, 1, 16));
    }

    [Fact]
    public void UsesTheControllersTimeZoneFromThePolicy()
    {
        var london = DeadlinePolicy.Create("Europe/London", identityVerificationPausesClock: false, 7).Value;
        var calculator = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, london);

        calculator.ForReceiptAt(new DateTimeOffset(2026, 1, 15, 23, 30, 0, TimeSpan.Zero)).ReceivedOn.ShouldBe(new DateOnly(2026, 1, 15));
    }

    [Fact]
    public void NeverMovesALegalDeadlineForACompanyClosingDay()
    {
        var team = new Actor("lead-1", "Fatima El Amrani", [StaffRole.TeamLead]);
        var now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        CompanyClosingDay[] closingDays =
        [
            CompanyClosingDay.Add(new DateOnly(2026, 5, 15), "Dag na Hemelvaart", team, now).Value,
            CompanyClosingDay.Add(new DateOnly(2026, 3, 10), "Verhuizing kantoor", team, now).Value,
        ];
        var calculator = new ResponseDeadlineCalculator(new HolidayCalendar(closingDays), DeadlinePolicy.Default);

        calculator.ForReceiptOn(new DateOnly(2026, 4, 14)).DueOn.ShouldBe(new DateOnly(2026, 5, 15));
        calculator.ForReceiptOn(new DateOnly(2026, 2, 10)).DueOn.ShouldBe(new DateOnly(2026, 3, 10));
    }

    [Fact]
    public void MovesADeadlineForAnAdditionalLegalHoliday()
    {
        var declared = new PublicHoliday("declared_2026_03_10", new DateOnly(2026, 3, 10), new LocalizedText("Gelijkgestelde dag", "Equated day"));
        var calculator = new ResponseDeadlineCalculator(new HolidayCalendar(additionalLegalHolidays: [declared]), DeadlinePolicy.Default);

        calculator.ForReceiptOn(new DateOnly(2026, 2, 10)).DueOn.ShouldBe(new DateOnly(2026, 3, 11));
    }

    [Fact]
    public void IgnoresTheIdentityPauseWhenThePolicyLetsTheClockRun()
    {
        var pause = IdentityPause.Between(new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 19)).Value;

        var deadline = Calculator.ForReceiptOn(new DateOnly(2026, 2, 10), pause);

        deadline.ShouldBe(new ResponseDeadline(new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 10), new DateOnly(2026, 5, 11), PausedDays: 0));
        deadline.WasPaused.ShouldBeFalse();
    }

    [Fact]
    public void AddsTheIdentityPauseWhenThePolicySaysSo()
    {
        var calculator = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, PausingPolicy);
        var pause = IdentityPause.Between(new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 19)).Value;

        var deadline = calculator.ForReceiptOn(new DateOnly(2026, 2, 10), pause);

        // 10 Mar + 7 = Tue 17 Mar; 10 May + 7 = Sun 17 May, so Mon 18 May.
        deadline.ShouldBe(new ResponseDeadline(new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 17), new DateOnly(2026, 5, 18), PausedDays: 7));
        deadline.WasPaused.ShouldBeTrue();
    }

    [Fact]
    public void RollsForwardAgainAfterAddingThePause()
    {
        var calculator = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, PausingPolicy);
        var pause = IdentityPause.Between(new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 16)).Value;

        var deadline = calculator.ForReceiptOn(new DateOnly(2026, 2, 10), pause);

        // 10 Mar + 4 = Sat 14 Mar, so Mon 16 Mar; 10 May + 4 = 14 May, Ascension Day, so Fri 15 May.
        deadline.DueOn.ShouldBe(new DateOnly(2026, 3, 16));
        deadline.ExtendedDueOn.ShouldBe(new DateOnly(2026, 5, 15));
        deadline.PausedDays.ShouldBe(4);
    }

    [Fact]
    public void CountsNoPausedDaysBeforeReceipt()
    {
        var calculator = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, PausingPolicy);
        var pause = IdentityPause.Between(new DateOnly(2026, 2, 5), new DateOnly(2026, 2, 13)).Value;

        calculator.ForReceiptOn(new DateOnly(2026, 2, 10), pause).PausedDays.ShouldBe(3);
    }

    [Fact]
    public void RefusesProofOfIdentityBeforeItWasAskedFor()
    {
        var result = IdentityPause.Between(new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 11));

        result.IsFailure.ShouldBeTrue();
        result.Errors.Single().Code.ShouldBe("deadline.identity_pause.proof_before_request");
    }

    [Fact]
    public void ChoosesTheExtendedDeadlineOnceExtended()
    {
        var deadline = Calculator.ForReceiptOn(new DateOnly(2026, 2, 10));

        deadline.EffectiveDueOn(extended: false).ShouldBe(new DateOnly(2026, 3, 10));
        deadline.EffectiveDueOn(extended: true).ShouldBe(new DateOnly(2026, 5, 11));
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
