using Microsoft.Extensions.Localization;
using PrivacyDesk.Documents.Csv;
using PrivacyDesk.Documents.Register;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;

namespace PrivacyDesk.Web.Features.Register;

/// <summary>
/// The Art. 30(1) record of processing activities as CSV, one row per purpose, written by the product's one
/// CSV writer (<see cref="CsvFile"/>: semicolons for Dutch Excel, UTF-8 with a byte-order mark, formula-safe cells).
/// </summary>
public static class Art30Csv
{
    /// <summary>The column header keys (resource <c>Csv.&lt;key&gt;</c>), in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Key", "NameNl", "NameEn", "Status", "Violations", "Description", "LawfulBases", "BasisEvidence", "SubjectCategories", "DataCategories",
        "Recipients", "Transfers", "Retention", "RetentionGround", "AutomatedDecisionMaking", "SpecialCategoryData", "CriminalData",
        "Anonymised", "DirectMarketing", "AutomatedMeans", "SourceSystems", "ActivatedOn", "RetiredOn", "RetirementReason",
    ];

    public static byte[] Build(IEnumerable<Purpose> purposes, IStringLocalizer<RegisterText> text, string language, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(purposes);
        ArgumentNullException.ThrowIfNull(text);
        var csv = new CsvFile();
        Line(csv, Columns.Select(c => text["Csv." + c].Value));
        foreach (var p in purposes)
        {
            Line(csv,
            [
                p.Key,
                p.Name.Nl,
                p.Name.En,
                text.Status(p.Status),
                List(p.Violations().Select(v => ErrorCatalog.Message(v, language) ?? v.Code)),
                p.Description.In(language),
                List(p.LawfulBases.OrderBy(b => b.Kind).Select(b => text.Basis(b.Kind))),
                List(p.LawfulBases.OrderBy(b => b.Kind).Select(b => $"({b.Kind.Letter()}) {RegisterWording.EvidenceText(b, language)}")),
                List(p.SubjectCategories.Select(c => text.Label(c))),
                List(p.DataCategories.Select(c => $"{c.Name} ({text.Label(c.Origin)})")),
                List(p.Recipients.Select(r => $"{r.Name} ({text.Label(r.Kind)}, {r.Country})")),
                List(p.Transfers.Select(t => $"{t.Recipient} ({t.Country}): "
                    + (t.Safeguard is { } s ? text.Label(s) : text["Csv.NoSafeguard"]) + (t.Details is null ? "" : $", {t.Details}"))),
                p.Retention is { } r ? text["Csv.RetentionValue", r.Amount, Unit(r, text), text.Label(r.Start)] : "",
                p.Retention?.Ground ?? "",
                Automated(p.AutomatedDecisionMaking, text),
                p.SpecialCategoryData is { } sc
                    ? $"{sc.Description} ({(sc.Condition is { } c ? text.Label(c) : text["Csv.NoCondition"])})"
                    : text["Common.No"],
                p.CriminalData is { } cd ? $"{cd.Description} ({cd.Authorisation ?? text["Csv.NoAuthorisation"]})" : text["Common.No"],
                text.YesNo(p.IsAnonymised),
                text.YesNo(p.IsDirectMarketing),
                text.YesNo(p.IsProcessedByAutomatedMeans),
                List(p.SourceSystems),
                p.ActivatedAt is { } activated ? Day(activated, zone) : "",
                p.RetiredAt is { } retired ? Day(retired, zone) : "",
                p.RetirementReason ?? "",
            ]);
        }
        return csv.ToBytes();
    }

    private static string Automated(AutomatedDecisionMaking? adm, IStringLocalizer<RegisterText> text) => adm is null
        ? text["Common.No"]
        : text["Csv.AutomatedValue", text.YesNo(adm.InvolvesProfiling), text.YesNo(adm.SolelyAutomatedWithSignificantEffect),
            adm.Ground is { } g ? text.Label(g) : "-", adm.HumanInterventionRoute ?? "-"];

    private static string Unit(RetentionPeriod retention, IStringLocalizer<RegisterText> text) =>
        retention.Amount == 1 ? text[$"RetentionUnit.{retention.Unit}.One"] : text.Label(retention.Unit);

    private static string Day(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> items) => string.Join(" | ", items);

    private static void Line(CsvFile csv, IEnumerable<string> cells) => csv.Row(cells);
}
