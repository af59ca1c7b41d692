using Microsoft.Extensions.Time.Testing;
using PrivacyDesk.Domain.Deadlines;

namespace PrivacyDesk.Domain.Tests.Deadlines;

public sealed class DeadlinePolicyTests
{
    [Fact]
    public void DefaultsToAmsterdamARunningClockAndSevenDays()
    {
        var policy = DeadlinePolicy.Default;

        policy.TimeZone.ShouldBe(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        policy.IdentityVerificationPausesClock.ShouldBeFalse();
        policy.DueSoonDays.ShouldBe(7);
    }

    [Fact]
    public void RefusesAnUnknownTimeZone()
    {
        DeadlinePolicy.Create("Europe/Atlantis", false, 7).Errors.Single().Code.ShouldBe("deadline.policy.time_zone_unknown");
    }

    [Fact]
    public void RefusesANegativeDueSoonThreshold()
    {
        DeadlinePolicy.Create("Europe/Amsterdam", false, -1).Errors.Single().Code.ShouldBe("deadline.policy.due_soon_negative");
    }

    [Fact]
    public void ListsEveryProblemAtOnce()
    {
        DeadlinePolicy.Create(" ", false, -1).Errors.Count.ShouldBe(2);
    }

    [Fact]
    public void KeepsTheSettingsItWasGiven()
    {
        var policy = DeadlinePolicy.Create("Europe/Brussels", identityVerificationPausesClock: true, dueSoonDays: 10).Value;

        policy.TimeZone.ShouldBe(TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels"));
        policy.IdentityVerificationPausesClock.ShouldBeTrue();
        policy.DueSoonDays.ShouldBe(10);
    }

    [Theory]
    [InlineData("2026-01-15T22:59:00Z", "2026-01-15")]
    [InlineData("2026-01-15T23:00:00Z", "2026-01-16")]
    [InlineData("2026-07-15T21:59:00Z", "2026-07-15")]
    [InlineData("2026-07-15T22:00:00Z", "2026-07-16")]
    public void GivesTodayInTheControllersTimeZone(string utcNow, string today)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));

        DeadlinePolicy.Default.Today(clock).ShouldBe(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
    }
}
