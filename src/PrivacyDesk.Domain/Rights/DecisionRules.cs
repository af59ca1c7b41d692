using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Rights;

/// <summary>
/// Refuses every decision the law forbids (gdpr-rules §2 and the articles behind it). One place to read
/// "when may we refuse?": the allowed grounds per right, and the decisions no ground can justify.
/// </summary>
public static class DecisionRules
{
    private static readonly RefusalGround[] Always = [RefusalGround.ManifestlyUnfoundedOrExcessive, RefusalGround.NationalRestriction];

    /// <summary>The grounds on which a right may be refused; consent withdrawal may never be refused.</summary>
    public static IReadOnlyList<RefusalGround> AllowedGrounds(RequestType right) => right switch
    {
        RequestType.Access => [RefusalGround.RightsOfOthers, .. Always],
        RequestType.Rectification => [RefusalGround.DataAccurate, .. Always],
        RequestType.Erasure => [RefusalGround.LegalRetentionObligation, RefusalGround.LegalClaims, RefusalGround.StillNecessaryForPurpose, .. Always],
        RequestType.Restriction => [RefusalGround.NoRestrictionCircumstance, .. Always],
        RequestType.Portability => [RefusalGround.RightsOfOthers, .. Always],
        RequestType.Objection => [RefusalGround.CompellingLegitimateGrounds, RefusalGround.LegalClaims, .. Always],
        RequestType.AutomatedDecisionReview => Always,
        RequestType.RecipientsDisclosure => Always,
        _ => [],
    };

    /// <summary>Every reason the law forbids <paramref name="decision"/>; success when it may be recorded.</summary>
    public static Result Validate(RequestType right, Purpose purpose, PurposeAssessment assessment, ProposedDecision decision)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.PurposeId != purpose.Id || assessment.PurposeId != purpose.Id || assessment.Right != right)
        {
            return Result.Failure(RightsErrors.PurposeMismatch);
        }

        var errors = new List<Error>();
        var continues = decision.Kind is DecisionKind.Refuse or DecisionKind.PartiallyComply or DecisionKind.NotApplicable;

        if (decision.Kind != DecisionKind.Comply && string.IsNullOrWhiteSpace(decision.Reasons))
        {
            errors.Add(RightsErrors.ReasonsMissing);
        }

        // The absolutes: no ground and no partial answer justifies continuing.
        if (right == RequestType.Objection && purpose.IsDirectMarketing && continues)
        {
            errors.Add(RightsErrors.DirectMarketingObjectionRefused);
            return Result.Failure(errors);
        }
        if (right == RequestType.ConsentWithdrawal && assessment.RightApplies)
        {
            if (decision.Kind == DecisionKind.Refuse)
            {
                errors.Add(RightsErrors.ConsentWithdrawalRefused);
                return Result.Failure(errors);
            }
            if (decision.Kind == DecisionKind.NotApplicable
                || (decision.Kind == DecisionKind.PartiallyComply
                    && (purpose.IsDirectMarketing || decision.RemainingBases.Contains(LawfulBasisKind.Consent) || purpose.LawfulBases.All(b => b.Kind == LawfulBasisKind.Consent))))
            {
                errors.Add(RightsErrors.ConsentProcessingContinued);
                return Result.Failure(errors);
            }
        }
        if (right == RequestType.AutomatedDecisionReview && purpose.HasSolelyAutomatedDecisions && continues)
        {
            errors.Add(RightsErrors.AutomatedDecisionReviewRefused);
            return Result.Failure(errors);
        }

        switch (decision.Kind)
        {
            case DecisionKind.Refuse:
                errors.AddRange(RefusalErrors(right, purpose, assessment, decision));
                break;
            case DecisionKind.NotApplicable:
                if (assessment.Requirement is Requirement.Comply or Requirement.PartiallyComply)
                {
                    errors.Add(RightsErrors.NotApplicableRefused);
                }
                // 21(1): an objection to (e) or (f) is upheld or refused on compelling grounds; "not applicable" would skip the balancing.
                else if (right == RequestType.Objection && assessment.Bases.Any(b => b.Outcome == BasisOutcome.Judgement))
                {
                    errors.Add(RightsErrors.ObjectionNotApplicableRefused);
                }
                break;
            default:
                errors.AddRange(ComplianceErrors(right, purpose, assessment, decision));
                break;
        }
        return errors.Count == 0 ? Result.Success() : Result.Failure(errors);
    }

    private static IEnumerable<Error> RefusalErrors(RequestType right, Purpose purpose, PurposeAssessment assessment, ProposedDecision decision)
    {
        if (decision.Ground is not { } ground)
        {
            yield return RightsErrors.GroundMissing;
            yield break;
        }
        if (!AllowedGrounds(right).Contains(ground))
        {
            yield return RightsErrors.GroundNotAllowed with
            {
                Arguments = new Dictionary<string, string> { ["ground"] = ground.ToString(), ["right"] = right.ToString() },
            };
            yield break;
        }
        switch (ground)
        {
            case RefusalGround.ManifestlyUnfoundedOrExcessive when string.IsNullOrWhiteSpace(decision.Demonstration):
                yield return RightsErrors.DemonstrationMissing;
                break;
            case RefusalGround.NationalRestriction when string.IsNullOrWhiteSpace(decision.Reference):
                yield return RightsErrors.NationalRestrictionReferenceMissing;
                break;
            case RefusalGround.LegalRetentionObligation:
                if (!purpose.Has(LawfulBasisKind.LegalObligation) && !purpose.Has(LawfulBasisKind.PublicTask))
                {
                    yield return RightsErrors.RetentionGroundWithoutLegalObligation;
                }
                else if (!purpose.Has(LawfulBasisKind.PublicTask)
                    && assessment.Basis(LawfulBasisKind.LegalObligation)?.Outcome == BasisOutcome.Applies)
                {
                    yield return RightsErrors.RetentionObligationEnded;
                }
                break;
            case RefusalGround.CompellingLegitimateGrounds or RefusalGround.LegalClaims when right == RequestType.Objection
                && !purpose.Has(LawfulBasisKind.LegitimateInterest) && !purpose.Has(LawfulBasisKind.PublicTask):
                yield return RightsErrors.ObjectionGroundWithoutLegitimateInterest;
                break;
            case RefusalGround.StillNecessaryForPurpose when purpose.LawfulBases.All(b => b.Kind == LawfulBasisKind.Consent):
                yield return RightsErrors.ErasureOfConsentDataRefused;
                break;
            default:
                break;
        }
    }

    private static IEnumerable<Error> ComplianceErrors(RequestType right, Purpose purpose, PurposeAssessment assessment, ProposedDecision decision)
    {
        // 21(1) reaches only (e) and (f): stopping everything would breach (c) and tell the subject processing stopped when it did not.
        if (right == RequestType.Objection && decision.Kind == DecisionKind.Comply && assessment.RemainingBases.Count > 0)
        {
            yield return RightsErrors.ObjectionOtherBasisContinues with
            {
                Arguments = new Dictionary<string, string> { ["bases"] = string.Join(", ", assessment.RemainingBases.Select(b => b.Article())) },
            };
        }

        if (decision.Kind == DecisionKind.PartiallyComply)
        {
            if (decision.RemainingBases.Count == 0)
            {
                yield return RightsErrors.RemainingBasisMissing;
            }
            else if (decision.RemainingBases.Any(k => !purpose.Has(k)))
            {
                yield return RightsErrors.RemainingBasisInvalid;
            }
        }

        // Erasing what a legal obligation requires to keep (17(3)(b)) is itself unlawful.
        if (right == RequestType.Erasure
            && assessment.Basis(LawfulBasisKind.LegalObligation)?.Outcome == BasisOutcome.DoesNotApply
            && !decision.RemainingBases.Contains(LawfulBasisKind.LegalObligation))
        {
            yield return RightsErrors.ErasureUnderRetentionObligation with
            {
                Arguments = new Dictionary<string, string>
                {
                    ["provision"] = assessment.RetentionProvision ?? "",
                    ["until"] = assessment.RetainUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?",
                },
            };
        }

        if (right == RequestType.Portability)
        {
            if (!purpose.Has(LawfulBasisKind.Consent) && !purpose.Has(LawfulBasisKind.Contract))
            {
                yield return RightsErrors.PortabilityBasisNotAllowed;
            }
            if (!purpose.IsProcessedByAutomatedMeans)
            {
                yield return RightsErrors.PortabilityNotAutomated;
            }
            if (decision.PortableDataCategories.Count == 0)
            {
                yield return RightsErrors.PortabilityCategoriesMissing;
            }
            foreach (var name in decision.PortableDataCategories)
            {
                var category = purpose.DataCategories.FirstOrDefault(c => c.Name == name);
                if (category is null)
                {
                    yield return RightsErrors.PortabilityCategoryUnknown with { Arguments = new Dictionary<string, string> { ["category"] = name } };
                }
                else if (category.Origin is DataOrigin.InferredOrDerived or DataOrigin.ThirdParty)
                {
                    yield return RightsErrors.PortabilityOfDataNotProvided with { Arguments = new Dictionary<string, string> { ["category"] = name } };
                }
            }
        }
    }
}
