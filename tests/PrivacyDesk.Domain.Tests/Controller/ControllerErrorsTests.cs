using System.Reflection;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Controller;

namespace PrivacyDesk.Domain.Tests.Controller;

public sealed class ControllerErrorsTests
{
    private static IReadOnlyList<Error> AllErrors =>
    [
        .. typeof(ControllerErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(member => member.FieldType == typeof(Error))
            .Select(member => (Error)member.GetValue(null)!),
    ];

    [Fact]
    public void GivesEveryCodeADutchAndAnEnglishSentence()
    {
        AllErrors.Count.ShouldBeGreaterThan(0);
        foreach (var error in AllErrors)
        {
            var text = ControllerErrors.Messages[error.Code];
            text.Nl.ShouldNotBeNullOrWhiteSpace();
            text.En.ShouldNotBeNullOrWhiteSpace();
            text.Nl.ShouldNotBe(text.En);
            error.Code.ShouldStartWith("controller.");
            error.Field.ShouldNotBeNull();
        }
        ControllerErrors.Messages.Keys.ShouldBe(AllErrors.Select(error => error.Code), ignoreOrder: true);
    }

    [Fact]
    public void JoinsTheErrorCatalog()
    {
        ErrorCatalog.Message(ControllerErrors.DueSoonDaysOutOfRange, "en")
            .ShouldBe("Choose a number of days for 'due soon' from 1 to 30.");
    }
}
