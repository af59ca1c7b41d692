using System.Reflection;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class RequestErrorsTests
{
    private static IEnumerable<Error> AllErrors() =>
        typeof(RequestErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(Error))
            .Select(field => (Error)field.GetValue(null)!);

    [Fact]
    public void GivesEveryCodeADutchAndEnglishSentence()
    {
        foreach (var error in AllErrors())
        {
            error.Code.ShouldStartWith("request.");
            RequestErrors.Messages.ShouldContainKey(error.Code);
            RequestErrors.Messages[error.Code].Nl.ShouldNotBeNullOrWhiteSpace();
            RequestErrors.Messages[error.Code].En.ShouldNotBeNullOrWhiteSpace();
            RequestErrors.Messages[error.Code].Nl.ShouldNotBe(RequestErrors.Messages[error.Code].En);
        }
        RequestErrors.Messages.Count.ShouldBe(AllErrors().Count());
    }

    [Fact]
    public void JoinsTheErrorCatalogue()
    {
        ErrorCatalog.Message(RequestErrors.ExtensionTooLate, "en")!.ShouldContain("before the original deadline");
        ErrorCatalog.Message(RequestErrors.ApprovalOwnCase, "nl")!.ShouldContain("tweede teamleider");
    }

    [Fact]
    public void FillsInTheStatusOfARefusedTransition()
    {
        var request = RequestCases.InStatus(RequestStatus.Withdrawn);

        var error = request.StartProcessing(RequestCases.Officer, RequestCases.At(9)).Errors.Single();

        ErrorCatalog.Message(error, "en").ShouldBe("This cannot be done to a request with status Withdrawn (StartProcessing).");
    }
}
