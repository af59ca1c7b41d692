using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class RequestReferenceTests
{
    [Theory]
    [InlineData(2026, 123, "DSR-2026-000123")]
    [InlineData(2018, 1, "DSR-2018-000001")]
    [InlineData(2031, 999_999, "DSR-2031-999999")]
    public void WritesYearAndSixDigitSequence(int year, int sequence, string expected)
    {
        RequestReference.Create(year, sequence).Value.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("DSR-2026-000123")]
    [InlineData("  dsr-2026-000123 ")]
    public void ParsesWhatPeopleType(string text)
    {
        var reference = RequestReference.Parse(text);

        reference.Year.ShouldBe(2026);
        reference.Sequence.ShouldBe(123);
        reference.ToString().ShouldBe("DSR-2026-000123");
    }

    [Fact]
    public void RoundTripsThroughItsText()
    {
        var reference = RequestReference.Create(2027, 4_567).Value;

        RequestReference.Parse(reference.ToString()).ShouldBe(reference);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("DSR-2026-123")]
    [InlineData("DSR-2026-0001234")]
    [InlineData("DSR-26-000123")]
    [InlineData("DSX-2026-000123")]
    [InlineData("DSR_2026_000123")]
    [InlineData("DSR-2026-00012a")]
    [InlineData("DSR-2026-000000")]
    [InlineData("DSR-2017-000123")]
    [InlineData("DSR-2026-+00123")]
    public void RejectsAnythingElse(string? text)
    {
        RequestReference.TryParse(text, out var reference).ShouldBeFalse();
        reference.ShouldBeNull();
        RequestReference.From(text).Errors.Single().ShouldBe(RequestErrors.ReferenceInvalid);
    }

    [Fact]
    public void ThrowsAFormatExceptionWhenParsingAStoredValueGoesWrong()
    {
        Should.Throw<FormatException>(() => RequestReference.Parse("123"));
    }

    [Theory]
    [InlineData(2017, 1, "request.reference.year_invalid")]
    [InlineData(10_000, 1, "request.reference.year_invalid")]
    [InlineData(2026, 0, "request.reference.sequence_invalid")]
    [InlineData(2026, 1_000_000, "request.reference.sequence_invalid")]
    public void RefusesAYearOrSequenceOutOfRange(int year, int sequence, string code)
    {
        RequestReference.Create(year, sequence).Errors.Single().Code.ShouldBe(code);
    }

    [Fact]
    public void EqualsAnotherReferenceWithTheSameYearAndSequence()
    {
        RequestReference.Create(2026, 5).Value.ShouldBe(RequestReference.Parse("DSR-2026-000005"));
        RequestReference.Create(2026, 5).Value.ShouldNotBe(RequestReference.Parse("DSR-2027-000005"));
    }
}
