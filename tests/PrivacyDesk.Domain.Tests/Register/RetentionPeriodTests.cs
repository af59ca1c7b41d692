using PrivacyDesk.Domain.Register;

namespace PrivacyDesk.Domain.Tests.Register;

public sealed class RetentionPeriodTests
{
    [Fact]
    public void CountsFromTheEndOfTheRelationship()
    {
        var wwft = new RetentionPeriod(5, RetentionUnit.Years, RetentionStart.AfterRelationshipEnd, "Wwft art. 33");

        wwft.RetainUntil(new DateOnly(2024, 3, 31), new DateOnly(2015, 1, 1)).ShouldBe(new DateOnly(2029, 3, 31));
    }

    [Fact]
    public void CountsFromCollection()
    {
        var cctv = new RetentionPeriod(1, RetentionUnit.Months, RetentionStart.AfterCollection, "AP guidance");

        cctv.RetainUntil(null, new DateOnly(2026, 1, 31)).ShouldBe(new DateOnly(2026, 2, 28));
    }

    [Fact]
    public void IsUnknownWhileTheRelationshipContinues()
    {
        var wwft = new RetentionPeriod(5, RetentionUnit.Years, RetentionStart.AfterRelationshipEnd, "Wwft art. 33");

        wwft.RetainUntil(null, new DateOnly(2015, 1, 1)).ShouldBeNull();
    }
}
