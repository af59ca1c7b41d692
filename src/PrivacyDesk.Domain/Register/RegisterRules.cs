using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Register;

/// <summary>
/// The activation rules of gdpr-rules §1: what a purpose must record before it may be Active. Every
/// violation is listed at once so the officer can fix them in one pass.
/// </summary>
public static class RegisterRules
{
    /// <summary>
    /// What no purpose may hold, Draft or not: a recipient's e-mail address that is not one (an Art. 19 notification would go nowhere).
    /// One error per recipient, naming it.
    /// </summary>
    public static IReadOnlyList<Error> Malformed(PurposeDefinition purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return
        [
            .. purpose.Recipients.Where(r => !r.HasValidEmail()).Select(r => RegisterErrors.RecipientEmailInvalid with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["recipient"] = r.Name },
            }),
        ];
    }

    public static IReadOnlyList<Error> Violations(PurposeDefinition purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var errors = new List<Error>();

        if (purpose.LawfulBases.Count == 0 && !purpose.IsAnonymised)
        {
            errors.Add(RegisterErrors.BasisMissing);
        }
        foreach (var basis in purpose.LawfulBases)
        {
            errors.AddRange(MissingEvidence(basis));
        }

        if (purpose.SpecialCategoryData is { } special)
        {
            if (special.Condition is null)
            {
                errors.Add(RegisterErrors.SpecialCategoryConditionMissing);
            }
            var consent = purpose.Basis(LawfulBasisKind.Consent);
            // Special categories on consent, or under the 9(2)(a) condition, need consent that is explicit.
            if ((consent is not null || special.Condition == SpecialCategoryCondition.ExplicitConsent)
                && consent?.ConsentMechanism?.IsExplicit != true)
            {
                errors.Add(RegisterErrors.ExplicitConsentMissing);
            }
        }

        if (purpose.CriminalData is { } criminal && string.IsNullOrWhiteSpace(criminal.Authorisation))
        {
            errors.Add(RegisterErrors.CriminalDataAuthorisationMissing);
        }

        if (purpose.AutomatedDecisionMaking is { SolelyAutomatedWithSignificantEffect: true } adm)
        {
            if (adm.Ground is null)
            {
                errors.Add(RegisterErrors.AutomatedDecisionGroundMissing);
            }
            else if (adm.Ground == AutomatedDecisionGround.ExplicitConsent
                && purpose.Basis(LawfulBasisKind.Consent)?.ConsentMechanism?.IsExplicit != true)
            {
                errors.Add(RegisterErrors.AutomatedDecisionExplicitConsentMissing);
            }
            if (string.IsNullOrWhiteSpace(adm.HumanInterventionRoute))
            {
                errors.Add(RegisterErrors.HumanInterventionMissing);
            }
        }

        foreach (var transfer in purpose.Transfers.Where(t => t.Safeguard is null))
        {
            errors.Add(RegisterErrors.TransferSafeguardMissing with
            {
                Arguments = new Dictionary<string, string> { ["recipient"] = transfer.Recipient, ["country"] = transfer.Country },
            });
        }

        if (purpose.Retention is null)
        {
            errors.Add(RegisterErrors.RetentionMissing);
        }
        else
        {
            if (purpose.Retention.Amount <= 0)
            {
                errors.Add(RegisterErrors.RetentionPeriodInvalid);
            }
            if (string.IsNullOrWhiteSpace(purpose.Retention.Ground))
            {
                errors.Add(RegisterErrors.RetentionGroundMissing);
            }
        }

        return errors;
    }

    /// <summary>What the register should look at but that does not block: an LIA past its review date.</summary>
    public static IReadOnlyList<Error> Warnings(PurposeDefinition purpose, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return
        [
            .. purpose.LawfulBases
                .Where(b => b.Assessment?.ReviewDate is { } review && review < on)
                .Select(b => RegisterErrors.LiaReviewOverdue with
                {
                    Arguments = new Dictionary<string, string> { ["reviewDate"] = b.Assessment!.ReviewDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
                }),
        ];
    }

    private static IEnumerable<Error> MissingEvidence(LawfulBasis basis)
    {
        switch (basis.Kind)
        {
            case LawfulBasisKind.Consent:
                if (basis.ConsentMechanism is not { } consent || string.IsNullOrWhiteSpace(consent.HowObtained) || string.IsNullOrWhiteSpace(consent.HowWithdrawn))
                {
                    yield return RegisterErrors.ConsentMechanismMissing;
                }
                break;
            case LawfulBasisKind.Contract:
                if (string.IsNullOrWhiteSpace(basis.ContractReference))
                {
                    yield return RegisterErrors.ContractReferenceMissing;
                }
                break;
            case LawfulBasisKind.LegalObligation:
                if (string.IsNullOrWhiteSpace(basis.LegalProvision))
                {
                    yield return RegisterErrors.LegalProvisionMissing;
                }
                break;
            case LawfulBasisKind.VitalInterests:
                if (string.IsNullOrWhiteSpace(basis.VitalInterestJustification))
                {
                    yield return RegisterErrors.VitalInterestJustificationMissing;
                }
                break;
            case LawfulBasisKind.PublicTask:
                if (string.IsNullOrWhiteSpace(basis.PublicTaskLaw))
                {
                    yield return RegisterErrors.PublicTaskLawMissing;
                }
                break;
            case LawfulBasisKind.LegitimateInterest:
                if (basis.Assessment is not { } lia)
                {
                    yield return RegisterErrors.LiaMissing;
                    break;
                }
                if (string.IsNullOrWhiteSpace(lia.PurposeTest))
                {
                    yield return RegisterErrors.LiaPurposeTestMissing;
                }
                if (string.IsNullOrWhiteSpace(lia.NecessityTest))
                {
                    yield return RegisterErrors.LiaNecessityTestMissing;
                }
                if (string.IsNullOrWhiteSpace(lia.BalancingTest))
                {
                    yield return RegisterErrors.LiaBalancingTestMissing;
                }
                if (string.IsNullOrWhiteSpace(lia.Outcome))
                {
                    yield return RegisterErrors.LiaOutcomeMissing;
                }
                if (lia.ReviewDate is null)
                {
                    yield return RegisterErrors.LiaReviewDateMissing;
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(basis), basis.Kind, "Unknown lawful basis.");
        }
    }
}
