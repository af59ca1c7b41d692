using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Tests.Staff;

public sealed class AdministratorRuleTests
{
    [Fact]
    public void RefusesToDeactivateTheLastActiveAdministrator()
    {
        var result = AdministratorRule.MayDeactivate(targetIsActiveAdministrator: true, activeAdministrators: 1);

        result.IsFailure.ShouldBeTrue();
        result.Errors.Single().Code.ShouldBe("staff.last_administrator");
    }

    [Fact]
    public void AllowsDeactivatingAnAdministratorWhenAnotherRemains()
    {
        AdministratorRule.MayDeactivate(targetIsActiveAdministrator: true, activeAdministrators: 2).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void AllowsDeactivatingSomeoneWhoIsNotAnActiveAdministrator()
    {
        AdministratorRule.MayDeactivate(targetIsActiveAdministrator: false, activeAdministrators: 1).IsSuccess.ShouldBeTrue();
    }
}
