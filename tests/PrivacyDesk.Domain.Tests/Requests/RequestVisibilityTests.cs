using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class RequestVisibilityTests
{
    private static readonly Actor Officer = new("officer-1", "Sanne", [StaffRole.PrivacyOfficer]);
    private static readonly Actor Lead = new("lead-1", "Fatima", [StaffRole.TeamLead]);
    private static readonly Actor Auditor = new("auditor-1", "Pieter", [StaffRole.Auditor]);
    private static readonly Actor Administrator = new("admin-1", "Noor", [StaffRole.Administrator]);

    [Theory]
    [InlineData(null, true)]
    [InlineData("officer-1", true)]
    [InlineData("officer-2", false)]
    public void AnOfficerSeesTheUnassignedQueueAndTheirOwnCases(string? handlerId, bool visible)
    {
        RequestVisibility.MayView(Officer, handlerId).ShouldBe(visible);
    }

    [Fact]
    public void TeamLeadsAndAuditorsSeeEveryCaseAndAdministratorsNone()
    {
        RequestVisibility.MayView(Lead, "officer-2").ShouldBeTrue();
        RequestVisibility.MayView(Auditor, "officer-2").ShouldBeTrue();
        RequestVisibility.MayView(Administrator, null).ShouldBeFalse();
    }
}
