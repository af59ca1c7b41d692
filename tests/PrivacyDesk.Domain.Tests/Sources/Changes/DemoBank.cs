using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Subjects;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Sources.Changes;

/// <summary>
/// The default register and maps in the shape of the demo core-banking databases (src/PrivacyDesk.Connectors/Demo),
/// built here because the domain's tests do not reference the connectors.
/// </summary>
internal static class DemoBank
{
    public const string CoreName = "Handelsplatform en kernadministratie";

    public static IReadOnlyList<Purpose> Register { get; } =
    [
        .. DefaultRegister.Purposes.Select(p => p.Definition.Key == "security" ? Draft(p.Definition) : Active(p.Definition)),
    ];

    public static Purpose P(string key) => Register.Single(p => p.Key == key);

    private static string Category(string startsWith) =>
        Register.SelectMany(p => p.DataCategories).Select(c => c.Name).Distinct().Single(n => n.StartsWith(startsWith, StringComparison.Ordinal));

    public static readonly string Identification = Category("Identificatiegegevens");
    public static readonly string IdDocument = Category("Kopie identiteitsbewijs");
    public static readonly string Contact = Category("Contactgegevens");
    public static readonly string Transactions = Category("Rekening- en transactiegegevens");
    public static readonly string Correspondence = Category("Correspondentie");
    public static readonly string CreditCheck = Category("Uitkomsten krediet- en identiteitscontroles");
    public static readonly string SurveyAnswers = Category("Antwoorden op enquêtes");
    public static readonly string Preferences = Category("Marketingvoorkeuren");
    public static readonly string VisitorLog = Category("Bezoekersregistratie");

    public static MappedColumn Id(string name) => new(name, "integer", true, true, null, null);

    public static MappedColumn Ref(string name) => new(name, "integer", false, true, null, null);

    public static MappedColumn Text(string name, string? category, SubjectIdentifierKind? identifies = null) => new(name, "text", false, identifies is not null, identifies, category);

    public static TableReference To(string column, string table, string toColumn) => new(column, "public", table, toColumn, true);

    public static MappedTable Table(string name, string[] purposes, MappedColumn[] columns, params TableReference[] references) =>
        new("public", name, true, null, purposes, columns, references);

    public static DataMap CoreMap { get; } = new(
    [
        Table("accounts", ["products-and-services", "legal-compliance"],
            [Id("account_id"), Ref("customer_id"), Text("iban", Transactions), Text("product", Transactions)],
            To("customer_id", "customers", "customer_id")),
        Table("complaints", ["disputes"],
            [Id("complaint_id"), Ref("customer_id"), Text("topic", Correspondence), Text("summary", Correspondence)],
            To("customer_id", "customers", "customer_id")),
        Table("customers", ["products-and-services", "legal-compliance", "internal-records"],
        [
            Id("customer_id"),
            Text("customer_number", Identification, SubjectIdentifierKind.CustomerNumber),
            Text("full_name", Identification),
            Text("email", Contact, SubjectIdentifierKind.EmailAddress),
            Text("phone", Contact),
            Text("street", Identification),
        ]),
        Table("transactions", ["products-and-services", "legal-compliance", "profiling"],
            [Id("transaction_id"), Ref("account_id"), Text("amount", Transactions), Text("counterparty", Transactions)],
            To("account_id", "accounts", "account_id")),
    ]);

    public static DataMap KycMap { get; } = new(
    [
        Table("kyc_checks", ["identity-verification", "profiling"],
            [Id("check_id"), Ref("kyc_customer_id"), Text("outcome", CreditCheck)],
            To("kyc_customer_id", "kyc_customers", "kyc_customer_id")),
        Table("kyc_customers", ["identity-verification", "legal-compliance"],
            [Id("kyc_customer_id"), Text("customer_number", Identification, SubjectIdentifierKind.CustomerNumber), Text("full_name", Identification)]),
        Table("kyc_documents", ["identity-verification"],
            [Id("document_id"), Ref("kyc_customer_id"), Text("document_number_masked", IdDocument)],
            To("kyc_customer_id", "kyc_customers", "kyc_customer_id")),
    ]);

    public static DataMap MarketingMap { get; } = new(
    [
        Table("consents", ["direct-marketing"], [Id("consent_id"), Ref("contact_id"), Text("wording_version", Preferences)], To("contact_id", "contacts", "contact_id")),
        Table("contacts", ["direct-marketing"],
            [Id("contact_id"), Text("email", Contact, SubjectIdentifierKind.EmailAddress), Text("customer_number", null, SubjectIdentifierKind.CustomerNumber)]),
        Table("marketing_preferences", ["direct-marketing"], [Id("preference_id"), Ref("contact_id"), Text("channel", Preferences)], To("contact_id", "contacts", "contact_id")),
    ]);

    public static DataMap SurveysMap { get; } = new(
    [
        Table("survey_answers", ["surveys"], [Id("answer_id"), Text("respondent_email", Contact, SubjectIdentifierKind.EmailAddress), Text("answer", SurveyAnswers)]),
    ]);

    public static DataMap VisitorsMap { get; } = new(
    [
        Table("visitor_log", ["security"], [Id("visit_id"), Text("visitor_email", VisitorLog, SubjectIdentifierKind.EmailAddress)]),
    ]);

    /// <summary>A connected system with a read and an erasure connection and the map saved (so it passed every rule).</summary>
    public static SourceSystem Connected(string name, DataMap map, bool erasureConnection = true, ConnectorKind kind = ConnectorKind.PostgreSql)
    {
        var system = SourceSystem.Create(name, null, null, kind, Officer, Now).Value;
        if (kind != ConnectorKind.Manual)
        {
            system.SetConnection(kind, "read-" + system.Id.ToString("N")[..8], null, Officer, Now).IsSuccess.ShouldBeTrue();
            if (erasureConnection)
            {
                system.SetErasureConnection("erase-" + system.Id.ToString("N")[..8], null, Officer, Now).IsSuccess.ShouldBeTrue();
            }
        }
        if (map.Tables.Count > 0)
        {
            var saved = system.SaveMap(map, Register, null, Officer, Now);
            saved.IsSuccess.ShouldBeTrue(string.Join(", ", saved.Errors.Select(e => $"{e.Code} {string.Join(" ", e.Arguments?.Values ?? [])}")));
        }
        return system;
    }

    public static IReadOnlyList<SourceSystem> Systems() =>
    [
        Connected(CoreName, CoreMap),
        Connected("KYC-tool", KycMap),
        Connected("Marketingplatform", MarketingMap),
        Connected("Enquêteplatform", SurveysMap),
        Connected("Bezoekersregistratie receptie", VisitorsMap),
    ];

    /// <summary>A former customer: the relationship ended 18 months before <see cref="TestData.Today"/>.</summary>
    public static DataSubject FormerCustomer() => Customer(relationshipEnd: Today.AddMonths(-18));

    public static Dictionary<Guid, PurposeIntent> Intents(params (string Key, PurposeIntent Intent)[] intents) =>
        intents.ToDictionary(i => P(i.Key).Id, i => i.Intent);

    public static SourceChangeInput Input(
        RequestType kind, DataSubject subject, IReadOnlyDictionary<Guid, PurposeIntent> intents, IReadOnlyList<SourceSystem> systems,
        IReadOnlyList<SourceCorrection>? corrections = null) =>
        new(kind, subject, intents, Register, systems, corrections ?? [], Today);

    /// <summary>The proposal as lines a reader can check: "system: Operation table [columns] (purposes)".</summary>
    public static IEnumerable<string> Describe(SourceChangeProposal proposal) => proposal.Systems.SelectMany(s => s.Changes.Select(c =>
        $"{s.SystemName}: {c.Operation} {c.DisplayName}"
        + (c.Columns.Count > 0 ? $" [{string.Join(", ", c.Columns.Select(k => k.Value is null ? k.Column : $"{k.Column}={k.Value}"))}]" : "")
        + (c.Note is null ? "" : " (note)")));

    public static IEnumerable<string> DescribeKept(SourceChangeProposal proposal) => proposal.Systems.SelectMany(s => s.Kept.Select(k =>
        $"{s.SystemName}: {k.DisplayName} for {k.PurposeKey} until {k.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?"}"));
}
