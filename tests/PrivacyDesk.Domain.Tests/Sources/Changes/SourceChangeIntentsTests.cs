using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Tests.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Sources.Changes;

public sealed class SourceChangeIntentsTests
{
    private static IReadOnlyList<PurposeDecision> Decided(RequestType type, PurposeDecisionOutcome a, PurposeDecisionOutcome b)
    {
        var request = InStatus(RequestStatus.InProgress, type);
        request.RecordDecision(Officer, At(3), Decision(PurposeA, a)).ShouldSucceed();
        request.RecordDecision(Officer, At(3), Decision(PurposeB, b)).ShouldSucceed();
        return request.Decisions;
    }

    [Theory]
    [InlineData(RequestType.Erasure, PurposeDecisionOutcome.Comply, PurposeIntent.Change)]
    [InlineData(RequestType.Erasure, PurposeDecisionOutcome.PartiallyComply, PurposeIntent.Keep)]
    [InlineData(RequestType.Erasure, PurposeDecisionOutcome.Refuse, PurposeIntent.Keep)]
    [InlineData(RequestType.Erasure, PurposeDecisionOutcome.NotApplicable, PurposeIntent.None)]
    [InlineData(RequestType.Restriction, PurposeDecisionOutcome.Comply, PurposeIntent.Change)]
    [InlineData(RequestType.Restriction, PurposeDecisionOutcome.PartiallyComply, PurposeIntent.Change)]
    [InlineData(RequestType.Restriction, PurposeDecisionOutcome.Refuse, PurposeIntent.Keep)]
    [InlineData(RequestType.Rectification, PurposeDecisionOutcome.PartiallyComply, PurposeIntent.Change)]
    [InlineData(RequestType.Rectification, PurposeDecisionOutcome.NotApplicable, PurposeIntent.None)]
    public void EachDecisionBecomesTheIntentTheRightGivesIt(RequestType type, PurposeDecisionOutcome outcome, PurposeIntent intent)
    {
        var intents = SourceChangeIntents.From(type, Decided(type, outcome, PurposeDecisionOutcome.Comply));

        intents[PurposeA].ShouldBe(intent);
        intents[PurposeB].ShouldBe(PurposeIntent.Change);
    }

    [Fact]
    public void OnlyTheCurrentDecisionCountsAndOtherRightsChangeNothing()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.Erasure);
        request.RecordDecision(Officer, At(3), Decision(PurposeA, PurposeDecisionOutcome.Comply)).ShouldSucceed();
        request.RecordDecision(Officer, At(4), Decision(PurposeA, PurposeDecisionOutcome.Refuse)).ShouldSucceed();

        SourceChangeIntents.From(RequestType.Erasure, request.Decisions).ShouldHaveSingleItem().Value.ShouldBe(PurposeIntent.Keep);
        SourceChangeIntents.From(RequestType.Access, request.Decisions).ShouldBeEmpty();
    }

    [Fact]
    public void ARetentionFollowUpChangesTheExpiredPurposeAndKeepsTheRest()
    {
        var intents = SourceChangeIntents.ForRetentionEnd(PurposeA, [PurposeA, PurposeB]);

        intents[PurposeA].ShouldBe(PurposeIntent.Change);
        intents[PurposeB].ShouldBe(PurposeIntent.Keep);
    }
}
