using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Documents.Tests.Extracts;

internal static class ResultAssertions
{
    public static T ShouldSucceed<T>(this Result<T> result)
    {
        result.IsSuccess.ShouldBeTrue($"expected success, got {string.Join(", ", result.Errors)}");
        return result.Value;
    }

    public static void ShouldFailWith(this Result result, params Error[] errors) =>
        result.Errors.Select(error => error.Code).ShouldBe(errors.Select(error => error.Code), ignoreOrder: true);
}
