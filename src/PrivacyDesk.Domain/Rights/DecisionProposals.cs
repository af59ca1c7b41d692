using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Rights;

/// <summary>What the assessment proposes for one purpose: the law's decision, or none where the officer must weigh.</summary>
public sealed record DecisionProposal(Guid PurposeId, ProposedDecision? Decision)
{
    /// <summary>The law sets a test (or a fact only the officer can establish): no decision is proposed.</summary>
    public bool NeedsJudgement => Decision is null;
}

/// <summary>
/// The proposal per purpose that "Accept the proposals" records (issue 13). The law's outcome where the
/// assessment leaves nothing to weigh, with the engine's own reason as the Art. 12(4) reasons; "your judgement"
/// where it does. Every proposal passes <see cref="DecisionRules"/>, and what it would refuse is never proposed.
/// </summary>
public static class DecisionProposals
{
    public static DecisionProposal For(RequestType right, Purpose purpose, PurposeAssessment assessment, string language)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(assessment);
        var judgement = new DecisionProposal(purpose.Id, null);
        // 16 and 18(1): whether the data are inaccurate or a restriction circumstance exists is a fact the register cannot know.
        if (right is RequestType.Rectification or RequestType.Restriction || assessment.Requirement == Requirement.OfficerJudgement)
        {
            return judgement;
        }
        var reasons = assessment.Reason.In(language);
        var decision = assessment.Requirement switch
        {
            Requirement.Comply => ProposedDecision.Comply(purpose.Id, right == RequestType.Portability ? PortableDataCategories(purpose) : null),
            Requirement.PartiallyComply => ProposedDecision.PartiallyComply(purpose.Id, assessment.RemainingBases, reasons,
                right == RequestType.Portability ? PortableDataCategories(purpose) : null),
            // 17(3)(b): a running retention duty is a refusal on its ground, which the letter cites with the provision and the end date.
            _ when right == RequestType.Erasure && assessment.Basis(LawfulBasisKind.LegalObligation)?.Outcome == BasisOutcome.DoesNotApply =>
                ProposedDecision.Refuse(purpose.Id, RefusalGround.LegalRetentionObligation, reasons),
            _ => ProposedDecision.NotApplicable(purpose.Id, reasons),
        };
        return DecisionRules.Validate(right, purpose, assessment, decision).IsSuccess ? new DecisionProposal(purpose.Id, decision) : judgement;
    }

    /// <summary>For portability (Art. 20(1)): what the subject provided or their use of the service shows; never inferred or third-party data.</summary>
    public static IReadOnlyList<string> PortableDataCategories(Purpose purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return [.. purpose.DataCategories.Where(c => c.Origin is DataOrigin.ProvidedBySubject or DataOrigin.ObservedFromUse).Select(c => c.Name)];
    }
}
