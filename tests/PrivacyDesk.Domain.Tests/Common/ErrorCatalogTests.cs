using System.Reflection;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Tests.Common;

public sealed class ErrorCatalogTests
{
    private static IEnumerable<Error> EveryDomainError() =>
        typeof(Error).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Error))
            .Select(f => (Error)f.GetValue(null)!);

    [Fact]
    public void EveryDomainErrorHasADutchAndAnEnglishSentence()
    {
        var missing = EveryDomainError().Where(e => !ErrorCatalog.Messages.ContainsKey(e.Code)).Select(e => e.Code).ToList();

        missing.ShouldBeEmpty();
        ErrorCatalog.Messages.Values.ShouldAllBe(t => !string.IsNullOrWhiteSpace(t.Nl) && !string.IsNullOrWhiteSpace(t.En) && t.Nl != t.En);
    }

    [Fact]
    public void MessagesAreGivenInTheAskedLanguageWithTheirArgumentsFilledIn()
    {
        var error = new Error("deadline.extension.too_late");

        ErrorCatalog.Message(error, "nl").ShouldBe(ErrorCatalog.Messages[error.Code].Nl);
        ErrorCatalog.Message(error, "en").ShouldBe(ErrorCatalog.Messages[error.Code].En);
        ErrorCatalog.Message(new Error("not.a.domain.code"), "en").ShouldBeNull();
    }
}
