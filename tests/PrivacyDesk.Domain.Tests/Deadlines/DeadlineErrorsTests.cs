using System.Reflection;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;

namespace PrivacyDesk.Domain.Tests.Deadlines;

public sealed class DeadlineErrorsTests
{
    private static IReadOnlyList<Error> AllErrors =>
    [
        .. typeof(DeadlineErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(member => member.FieldType == typeof(Error))
            .Select(member => (Error)member.GetValue(null)!),
    ];

    [Fact]
    public void GivesEveryCodeADutchAndAnEnglishSentence()
    {
        AllErrors.Count.ShouldBeGreaterThan(0);
        foreach (var error in AllErrors)
        {
            DeadlineErrors.Messages.ShouldContainKey(error.Code);
            var text = DeadlineErrors.Messages[error.Code];
            text.Nl.ShouldNotBeNullOrWhiteSpace();
            text.En.ShouldNotBeNullOrWhiteSpace();
            text.Nl.ShouldNotBe(text.En);
        }
        DeadlineErrors.Messages.Keys.ShouldBe(AllErrors.Select(error => error.Code), ignoreOrder: true);
    }

    [Fact]
    public void KeepsEveryCodeUnderDeadline()
    {
        AllErrors.ShouldAllBe(error => error.Code.StartsWith("deadline.", StringComparison.Ordinal));
        AllErrors.Select(error => error.Code).Distinct().Count().ShouldBe(AllErrors.Count);
    }

    [Fact]
    public void JoinsTheErrorCatalog()
    {
        ErrorCatalog.Message(DeadlineErrors.ExtensionTooLate, "en")
            .ShouldBe("The period can only be extended on or before the original deadline, which has passed.");
        ErrorCatalog.Message(DeadlineErrors.ExtensionTooLate, "nl").ShouldStartWith("De termijn kan alleen");
    }
}
