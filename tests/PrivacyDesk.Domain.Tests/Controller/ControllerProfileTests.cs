using System.Globalization;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Tests.Controller;

public sealed class ControllerProfileTests
{
    private static readonly Actor Admin = new("admin-1", "Noor Visser", [StaffRole.Administrator]);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(1));

    private static ControllerContact ValidContact() => new(
        "Voorbeeld Financiële Diensten B.V.", "Postbus 1234\n1000 AB Amsterdam", "+31 20 123 4567",
        "privacy@voorbeeld.nl", "Mr. J. de Groot", "fg@voorbeeld.nl", OfficeHours.Weekdays);

    private static ControllerProfile Profile(bool isExample = false) =>
        ControllerProfile.Create(ValidContact(), ControllerDeadlineSettings.Default, Admin, Now, isExample).Value;

    [Fact]
    public void StartsWithTheConservativeDeadlineDefaults()
    {
        var profile = Profile();

        profile.TimeZoneId.ShouldBe("Europe/Amsterdam");
        profile.DueSoonDays.ShouldBe(7);
        profile.IdentityVerificationPausesClock.ShouldBeFalse();
        profile.Id.ShouldBe(ControllerProfile.SingletonId);
    }

    [Fact]
    public void RecordsItsCreationForTheAuditTrail()
    {
        var change = Profile().PendingChanges.Single();

        change.Action.ShouldBe("controller.profile.created");
        change.ActorName.ShouldBe("Noor Visser");
        change.After!["DueSoonDays"].ShouldBe("7");
        change.After!["OfficeHours"].ShouldBe("Mon–Fri 09:00–17:00");
    }

    [Fact]
    public void ListsEveryMissingRequiredDetailAtOnce()
    {
        var result = ControllerProfile.Create(
            new ControllerContact(" ", null, null, "", "", " ", OfficeHours.Weekdays), ControllerDeadlineSettings.Default, Admin, Now);

        result.Errors.Select(e => e.Code).ShouldBe(
        [
            "controller.name.required", "controller.address.required", "controller.email.required",
            "controller.dpo_name.required", "controller.dpo_email.required",
        ], ignoreOrder: true);
        result.Errors.Single(e => e.Code == "controller.dpo_email.required").Field.ShouldBe("DpoEmail");
    }

    [Theory]
    [InlineData("privacy-at-voorbeeld.nl")]
    [InlineData("privacy@voorbeeld")]
    [InlineData("privacy@@voorbeeld.nl")]
    [InlineData("pri vacy@voorbeeld.nl")]
    public void RefusesAnInvalidEmailAddress(string email)
    {
        var profile = Profile();

        var result = profile.ChangeContact(ValidContact() with { Email = email, DpoEmail = email }, Admin, Now);

        result.Errors.Select(e => e.Code).ShouldBe(["controller.email.invalid", "controller.dpo_email.invalid"], ignoreOrder: true);
        profile.Email.ShouldBe("privacy@voorbeeld.nl");
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("020-CALL-NOW")]
    [InlineData("31+20 123 4567")]
    public void RefusesAPhoneNumberThatCannotBeDialled(string phone)
    {
        Profile().ChangeContact(ValidContact() with { Phone = phone }, Admin, Now)
            .Errors.Single().Code.ShouldBe("controller.phone.invalid");
    }

    [Fact]
    public void AcceptsAProfileWithoutAPhoneNumber()
    {
        var profile = Profile();

        profile.ChangeContact(ValidContact() with { Phone = "  " }, Admin, Now).IsSuccess.ShouldBeTrue();

        profile.Phone.ShouldBeNull();
    }

    [Fact]
    public void RefusesOfficeHoursThatCloseBeforeTheyOpenOrHaveNoDays()
    {
        var hours = new OfficeHours([], new TimeOnly(17, 0), new TimeOnly(9, 0));

        Profile().ChangeContact(ValidContact() with { OfficeHours = hours }, Admin, Now)
            .Errors.Select(e => e.Code).ShouldBe(["controller.office_hours.no_days", "controller.office_hours.closes_before_opening"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(31)]
    public void RefusesADueSoonThresholdOutsideOneToThirtyDays(int days)
    {
        var profile = Profile();

        var result = profile.ChangeDeadlineSettings(ControllerDeadlineSettings.Default with { DueSoonDays = days }, Admin, Now);

        result.Errors.Single().Code.ShouldBe("controller.due_soon.out_of_range");
        profile.DueSoonDays.ShouldBe(7);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    public void AcceptsTheEdgesOfTheDueSoonRange(int days)
    {
        var profile = Profile();

        profile.ChangeDeadlineSettings(ControllerDeadlineSettings.Default with { DueSoonDays = days }, Admin, Now).IsSuccess.ShouldBeTrue();

        profile.DueSoonDays.ShouldBe(days);
        profile.ToDeadlinePolicy().DueSoonDays.ShouldBe(days);
    }

    [Theory]
    [InlineData("Europe/Atlantis")]
    [InlineData("")]
    [InlineData(null)]
    public void RefusesATimeZoneTheSystemDoesNotKnow(string? zone)
    {
        Profile().ChangeDeadlineSettings(ControllerDeadlineSettings.Default with { TimeZoneId = zone }, Admin, Now)
            .Errors.Single().Code.ShouldBe("controller.time_zone.unknown");
    }

    [Fact]
    public void TheTimeZoneDecidesTheReceiptDate()
    {
        var profile = Profile();
        profile.ChangeDeadlineSettings(new ControllerDeadlineSettings("America/New_York", 7, false), Admin, Now).IsSuccess.ShouldBeTrue();

        // 23:30 UTC is the next day in Amsterdam, but still the same day in New York.
        profile.ToDeadlinePolicy().DateOf(new DateTimeOffset(2026, 2, 9, 23, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 2, 9));
    }

    [Fact]
    public void TurningThePausePolicyOnIsRecordedWithBeforeAndAfter()
    {
        var profile = Profile();
        profile.DequeueChanges();

        profile.ChangeDeadlineSettings(ControllerDeadlineSettings.Default with { IdentityVerificationPausesClock = true }, Admin, Now);

        var change = profile.PendingChanges.Single();
        change.Action.ShouldBe("controller.deadline_settings.changed");
        change.Before.ShouldBe(new Dictionary<string, string?> { ["IdentityVerificationPausesClock"] = "false" });
        change.After.ShouldBe(new Dictionary<string, string?> { ["IdentityVerificationPausesClock"] = "true" });
        profile.ToDeadlinePolicy().IdentityVerificationPausesClock.ShouldBeTrue();
    }

    [Fact]
    public void SavingTheSameValuesRecordsNothing()
    {
        var profile = Profile();
        profile.DequeueChanges();

        profile.Revise(ValidContact() with { Name = "  Voorbeeld Financiële Diensten B.V. " }, ControllerDeadlineSettings.Default, Admin, Now)
            .IsSuccess.ShouldBeTrue();

        profile.PendingChanges.ShouldBeEmpty();
    }

    [Fact]
    public void ReviseReportsContactAndSettingsProblemsTogetherAndChangesNothing()
    {
        var profile = Profile();
        profile.DequeueChanges();

        var result = profile.Revise(ValidContact() with { Name = "Nieuwe naam", Email = "x" }, new ControllerDeadlineSettings("Nowhere/City", 0, true), Admin, Now);

        result.Errors.Select(e => e.Code).ShouldBe(
            ["controller.email.invalid", "controller.time_zone.unknown", "controller.due_soon.out_of_range"], ignoreOrder: true);
        profile.Name.ShouldBe("Voorbeeld Financiële Diensten B.V.");
        profile.IdentityVerificationPausesClock.ShouldBeFalse();
        profile.PendingChanges.ShouldBeEmpty();
    }

    [Fact]
    public void TheFirstSaveConfirmsSeededExampleValues()
    {
        var profile = Profile(isExample: true);
        profile.DequeueChanges();

        profile.Revise(ValidContact(), ControllerDeadlineSettings.Default, Admin, Now).IsSuccess.ShouldBeTrue();

        profile.IsExample.ShouldBeFalse();
        profile.PendingChanges.Single().Action.ShouldBe("controller.profile.confirmed");
    }

    [Fact]
    public void OnlyTheChangedContactFieldsAreRecorded()
    {
        var profile = Profile();
        profile.DequeueChanges();

        profile.ChangeContact(ValidContact() with { DpoName = "Mw. A. Bakker" }, Admin, Now);

        var change = profile.PendingChanges.Single();
        change.Action.ShouldBe("controller.contact.changed");
        change.Before!.Keys.ShouldBe(["DpoName"]);
        change.After!["DpoName"].ShouldBe("Mw. A. Bakker");
    }

    [Fact]
    public void DescribesOfficeHoursInDutchAndEnglish()
    {
        var hours = new OfficeHours([DayOfWeek.Saturday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday], new TimeOnly(8, 30), new TimeOnly(12, 0));

        hours.Describe(new CultureInfo("nl-NL")).ShouldBe("ma–wo, za 08:30–12:00");
        hours.Describe(new CultureInfo("en-GB")).ShouldBe("Mon–Wed, Sat 08:30–12:00");
        OfficeHours.Weekdays.Describe(new CultureInfo("nl-NL")).ShouldBe("ma–vr 09:00–17:00");
    }
}
