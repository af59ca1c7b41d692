using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Tests.Staff;

public sealed class AccessPolicyTests
{
    [Fact]
    public void AuditorsHoldNoPermissionThatChangesData()
    {
        AccessPolicy.PermissionsOf(StaffRole.Auditor).Intersect(AccessPolicy.Changing).ShouldBeEmpty();
    }

    [Fact]
    public void AuditorsMayReadEverythingAndDownloadCaseFiles()
    {
        AccessPolicy.PermissionsOf(StaffRole.Auditor).ShouldBe(
            [Permission.ViewRequests, Permission.ViewAllRequests, Permission.ViewSubjects, Permission.ViewRegister,
             Permission.ViewDashboard, Permission.AuditCases, Permission.VerifyAuditTrail, Permission.ViewSourceSystems, Permission.ViewRetention], ignoreOrder: true);
    }

    [Fact]
    public void EveryRoleSeesTheSourceSystemsButOnlyAdministratorsManageThem()
    {
        AccessPolicy.RolesWith(Permission.ViewSourceSystems).ShouldBe(StaffRole.All, ignoreOrder: true);
        AccessPolicy.RolesWith(Permission.ManageSourceSystems).ShouldBe([StaffRole.Administrator]);
        AccessPolicy.Changing.ShouldContain(Permission.ManageSourceSystems);
    }

    [Fact]
    public void TheRetentionLedgerIsReadByTheOfficeAndErasuresAreReappliedByAdministrators()
    {
        AccessPolicy.RolesWith(Permission.ViewRetention).ShouldBe([StaffRole.PrivacyOfficer, StaffRole.TeamLead, StaffRole.Auditor], ignoreOrder: true);
        AccessPolicy.RolesWith(Permission.ReapplyErasures).ShouldBe([StaffRole.Administrator]);
        AccessPolicy.Changing.ShouldContain(Permission.ReapplyErasures);
        AccessPolicy.Changing.ShouldNotContain(Permission.ViewRetention);
    }

    [Fact]
    public void OnlyAuditorsAndAdministratorsVerifyTheAuditTrail()
    {
        AccessPolicy.RolesWith(Permission.VerifyAuditTrail).ShouldBe([StaffRole.Auditor, StaffRole.Administrator], ignoreOrder: true);
    }

    [Fact]
    public void OnlyTeamLeadsAssignCases()
    {
        AccessPolicy.RolesWith(Permission.AssignRequests).ShouldBe([StaffRole.TeamLead]);
    }

    [Fact]
    public void OfficersSeeOnlyUnassignedAndOwnCases()
    {
        AccessPolicy.Allows([StaffRole.PrivacyOfficer], Permission.ViewAllRequests).ShouldBeFalse();
        AccessPolicy.RolesWith(Permission.ViewAllRequests).ShouldBe([StaffRole.TeamLead, StaffRole.Auditor], ignoreOrder: true);
    }

    [Fact]
    public void AdministratorsDoNotSeeDataSubjectsOrCases()
    {
        var administrator = AccessPolicy.PermissionsOf(StaffRole.Administrator);

        administrator.ShouldNotContain(Permission.ViewSubjects);
        administrator.ShouldNotContain(Permission.ViewRequests);
        administrator.ShouldContain(Permission.Administer);
    }

    [Fact]
    public void OnlyTeamLeadsApproveResponses()
    {
        AccessPolicy.RolesWith(Permission.ApproveResponses).ShouldBe([StaffRole.TeamLead]);
    }

    [Fact]
    public void OnlyAdministratorsAdminister()
    {
        AccessPolicy.RolesWith(Permission.Administer).ShouldBe([StaffRole.Administrator]);
    }

    [Fact]
    public void EveryPermissionBelongsToAtLeastOneRole()
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            AccessPolicy.RolesWith(permission).ShouldNotBeEmpty($"nobody holds {permission}");
        }
    }

    [Theory]
    [InlineData(StaffRole.PrivacyOfficer, true)]
    [InlineData(StaffRole.TeamLead, true)]
    [InlineData(StaffRole.Auditor, false)]
    [InlineData(StaffRole.Administrator, false)]
    public void OnlyOfficersAndTeamLeadsHandleRequests(string role, bool handles)
    {
        AccessPolicy.Allows([role], Permission.HandleRequests).ShouldBe(handles);
    }

    [Fact]
    public void AnUnknownRoleGrantsNothing()
    {
        AccessPolicy.PermissionsOf("Visitor").ShouldBeEmpty();
        AccessPolicy.Allows(["Visitor"], Permission.ViewRequests).ShouldBeFalse();
    }
}
