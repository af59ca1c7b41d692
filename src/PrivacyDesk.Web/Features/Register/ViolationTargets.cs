using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;

namespace PrivacyDesk.Web.Features.Register;

/// <summary>Where on the purpose form a coded error belongs: the id of the section (or the basis) to scroll to.</summary>
public static class ViolationTargets
{
    public const string Name = "section-name";
    public const string Bases = "section-bases";
    public const string Categories = "section-categories";
    public const string Recipients = "section-recipients";
    public const string Transfers = "section-transfers";
    public const string Retention = "section-retention";
    public const string Automated = "section-automated";
    public const string Special = "section-special";
    public const string Criminal = "section-criminal";

    public static string Basis(LawfulBasisKind kind) => $"section-basis-{kind.Letter()}";

    /// <returns>The section id, or null for an error about the purpose as a whole (e.g. "not a draft").</returns>
    public static string? SectionFor(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = error.Code;
        if (error.Field == "LawfulBases")
        {
            return code switch
            {
                _ when code.Contains("consent_mechanism", StringComparison.Ordinal) => Basis(LawfulBasisKind.Consent),
                _ when code.Contains("contract_reference", StringComparison.Ordinal) => Basis(LawfulBasisKind.Contract),
                _ when code.Contains("legal_provision", StringComparison.Ordinal) => Basis(LawfulBasisKind.LegalObligation),
                _ when code.Contains("vital_interest", StringComparison.Ordinal) => Basis(LawfulBasisKind.VitalInterests),
                _ when code.Contains("public_task", StringComparison.Ordinal) => Basis(LawfulBasisKind.PublicTask),
                _ when code.Contains(".lia", StringComparison.Ordinal) => Basis(LawfulBasisKind.LegitimateInterest),
                _ => Bases,
            };
        }
        return error.Field switch
        {
            "Name" or "Key" => Name,
            "SpecialCategoryData" => Special,
            "CriminalData" => Criminal,
            "AutomatedDecisionMaking" => Automated,
            "Transfers" => Transfers,
            "Retention" => Retention,
            "Recipients" => Recipients,
            "SubjectCategories" or "DataCategories" => Categories,
            _ => null,
        };
    }
}
