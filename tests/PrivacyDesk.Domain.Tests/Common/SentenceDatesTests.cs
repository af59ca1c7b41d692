using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Rights;

namespace PrivacyDesk.Domain.Tests.Common;

public sealed class SentenceDatesTests
{
    [Fact]
    public void ADateInAnErrorSentenceIsWrittenOutInTheReadersLanguage()
    {
        var error = RightsErrors.ErasureUnderRetentionObligation with
        {
            Arguments = new Dictionary<string, string> { ["provision"] = "Wwft art. 33", ["until"] = "2029-06-30" },
        };

        var dutch = ErrorCatalog.Message(error, "nl")!;
        var english = ErrorCatalog.Message(error, "en")!;

        dutch.ShouldContain("30 jun. 2029");
        english.ShouldContain("30 Jun 2029");
        dutch.ShouldNotContain("2029-06-30");
        english.ShouldNotContain("2029-06-30");
    }

    [Fact]
    public void OnlyIsoDatesAreRewritten() =>
        SentenceDates.Argument("DSR-2026-000123", "nl").ShouldBe("DSR-2026-000123");
}
