using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Domain.Tests.Common;

public sealed class ErrorCatalogTests
{
    [Fact]
    public void EveryErrorCodeHasADutchAndEnglishMessage()
    {
        var codes = typeof(SubjectErrors).GetFields().Concat(typeof(RegisterErrors).GetFields()).Concat(typeof(RightsErrors).GetFields())
            .Where(f => f.FieldType == typeof(Error))
            .Select(f => ((Error)f.GetValue(null)!).Code)
            .ToList();

        codes.Count.ShouldBeGreaterThan(60);
        foreach (var code in codes)
        {
            ErrorCatalog.Messages.ShouldContainKey(code);
            ErrorCatalog.Messages[code].Nl.ShouldNotBe(ErrorCatalog.Messages[code].En, code);
        }
    }
}
