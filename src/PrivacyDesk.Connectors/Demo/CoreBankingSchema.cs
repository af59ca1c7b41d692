using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Demo;

/// <param name="References">The table and column this column refers to (a foreign key in the database).</param>
public sealed record DemoColumn(
    string Name,
    string SqliteType,
    string PostgresType,
    bool PrimaryKey = false,
    bool Indexed = false,
    (string Table, string Column)? References = null,
    SubjectIdentifierKind? Identifies = null,
    string? Category = null);

public sealed record DemoTable(string Name, IReadOnlyList<string> PurposeKeys, IReadOnlyList<DemoColumn> Columns);

/// <summary>One demo database: a source system of the default register, named exactly as the register names it.</summary>
public sealed record DemoSystem(string SystemName, string DatabaseName, IReadOnlyList<DemoTable> Tables)
{
    /// <summary>The ready data map of this database (identities, categories, purposes, references), as the office would confirm it.</summary>
    /// <param name="kind">SQLite tables have no schema; PostgreSQL's are in "public".</param>
    public DataMap Map(ConnectorKind kind)
    {
        var schema = kind == ConnectorKind.PostgreSql ? "public" : null;
        return new DataMap([.. Tables.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new MappedTable(
            schema,
            t.Name,
            true,
            null,
            t.PurposeKeys,
            [.. t.Columns.Select(c => new MappedColumn(
                c.Name, kind == ConnectorKind.PostgreSql ? c.PostgresType : c.SqliteType, c.PrimaryKey, c.PrimaryKey || c.Indexed, c.Identifies, c.Category))],
            [.. t.Columns.Where(c => c.References is not null).OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => new TableReference(c.Name, schema, c.References!.Value.Table, c.References.Value.Column, Discovered: true))]))]);
    }
}

/// <summary>
/// The demo "core banking" source systems of a Dutch bank/broker (issue 14): five databases that match the default
/// register's systems, so that fetching from two systems is real. Categories and purpose keys are read from
/// <see cref="DefaultRegister"/>, so they are spelled exactly as the register spells them.
/// </summary>
public static class CoreBankingSchema
{
    private static readonly Lazy<IReadOnlyList<string>> RegisterCategories = new(() =>
        [.. DefaultRegister.Purposes.SelectMany(p => p.Definition.DataCategories).Select(c => c.Name).Distinct()]);

    private static string Category(string startsWith) =>
        RegisterCategories.Value.Single(n => n.StartsWith(startsWith, StringComparison.Ordinal));

    private static readonly string Identification = Category("Identificatiegegevens");
    private static readonly string IdDocument = Category("Kopie identiteitsbewijs");
    private static readonly string Contact = Category("Contactgegevens");
    private static readonly string Transactions = Category("Rekening- en transactiegegevens");
    private static readonly string Correspondence = Category("Correspondentie");
    private static readonly string CreditCheck = Category("Uitkomsten krediet- en identiteitscontroles");
    private static readonly string SurveyAnswers = Category("Antwoorden op enquêtes");
    private static readonly string Preferences = Category("Marketingvoorkeuren");
    private static readonly string Images = Category("Camerabeelden");
    private static readonly string VisitorLog = Category("Bezoekersregistratie");

    private static DemoColumn Id(string name) => new(name, "INTEGER", "integer", PrimaryKey: true);

    private static DemoColumn Ref(string name, string table, string column) =>
        new(name, "INTEGER", "integer", Indexed: true, References: (table, column));

    private static DemoColumn Text(string name, string? category = null) => new(name, "TEXT", "text", Category: category);

    private static DemoColumn Date(string name, string? category = null) => new(name, "DATE", "date", Category: category);

    public static DemoSystem Core { get; } = new("Handelsplatform en kernadministratie", "core_banking",
    [
        new("customers", ["products-and-services", "legal-compliance", "internal-records"],
        [
            Id("customer_id"),
            new("customer_number", "TEXT", "text", Indexed: true, Identifies: SubjectIdentifierKind.CustomerNumber, Category: Identification),
            Text("full_name", Identification),
            new("email", "TEXT", "text", Indexed: true, Identifies: SubjectIdentifierKind.EmailAddress, Category: Contact),
            Text("phone", Contact),
            Date("birth_date", Identification),
            Text("street", Identification),
            Text("postal_code", Identification),
            Text("city", Identification),
            Date("customer_since", Transactions),
            Date("closed_on", Transactions),
        ]),
        new("accounts", ["products-and-services", "legal-compliance"],
        [
            Id("account_id"),
            Ref("customer_id", "customers", "customer_id"),
            new("iban", "TEXT", "text", Indexed: true, Category: Transactions),
            Text("product", Transactions),
            Date("opened_on", Transactions),
            Date("closed_on", Transactions),
        ]),
        new("transactions", ["products-and-services", "legal-compliance", "profiling"],
        [
            Id("transaction_id"),
            Ref("account_id", "accounts", "account_id"),
            Date("booked_on", Transactions),
            new("amount", "NUMERIC(12,2)", "numeric(12,2)", Category: Transactions),
            Text("counterparty", Transactions),
            Text("description", Transactions),
        ]),
        new("complaints", ["disputes"],
        [
            Id("complaint_id"),
            Ref("customer_id", "customers", "customer_id"),
            Date("received_on", Correspondence),
            Text("topic", Correspondence),
            Text("summary", Correspondence),
            Text("resolution", Correspondence),
        ]),
    ]);

    public static DemoSystem Kyc { get; } = new("KYC-tool", "kyc_tool",
    [
        new("kyc_customers", ["identity-verification", "legal-compliance"],
        [
            Id("kyc_customer_id"),
            new("customer_number", "TEXT", "text", Indexed: true, Identifies: SubjectIdentifierKind.CustomerNumber, Category: Identification),
            Text("full_name", Identification),
            Date("birth_date", Identification),
            Text("nationality", Identification),
        ]),
        new("kyc_documents", ["identity-verification"],
        [
            Id("document_id"),
            Ref("kyc_customer_id", "kyc_customers", "kyc_customer_id"),
            Text("document_type", IdDocument),
            Text("document_number_masked", IdDocument),
            Date("expires_on", IdDocument),
            Date("received_on", IdDocument),
        ]),
        new("kyc_checks", ["identity-verification", "profiling"],
        [
            Id("check_id"),
            Ref("kyc_customer_id", "kyc_customers", "kyc_customer_id"),
            Text("check_type", CreditCheck),
            Text("outcome", CreditCheck),
            Text("provider", CreditCheck),
            Date("checked_on", CreditCheck),
        ]),
    ]);

    public static DemoSystem Marketing { get; } = new("Marketingplatform", "marketing",
    [
        new("contacts", ["direct-marketing"],
        [
            Id("contact_id"),
            new("email", "TEXT", "text", Indexed: true, Identifies: SubjectIdentifierKind.EmailAddress, Category: Contact),
            new("customer_number", "TEXT", "text", Indexed: true, Identifies: SubjectIdentifierKind.CustomerNumber),
        ]),
        new("marketing_preferences", ["direct-marketing"],
        [
            Id("preference_id"),
            Ref("contact_id", "contacts", "contact_id"),
            Text("channel", Preferences),
            new("opted_in", "BOOLEAN", "boolean", Category: Preferences),
            Date("updated_on", Preferences),
        ]),
        new("consents", ["direct-marketing"],
        [
            Id("consent_id"),
            Ref("contact_id", "contacts", "contact_id"),
            Text("wording_version", Preferences),
            Text("channel", Preferences),
            Date("given_on", Preferences),
            Date("withdrawn_on", Preferences),
        ]),
    ]);

    /// <summary>Survey answers are keyed by e-mail only: no reference, the office links the table by its identity column.</summary>
    public static DemoSystem Surveys { get; } = new("Enquêteplatform", "surveys",
    [
        new("survey_answers", ["surveys"],
        [
            Id("answer_id"),
            new("respondent_email", "TEXT", "text", Indexed: true, Identifies: SubjectIdentifierKind.EmailAddress, Category: Contact),
            Text("survey", SurveyAnswers),
            Text("question", SurveyAnswers),
            Text("answer", SurveyAnswers),
            Date("answered_on", SurveyAnswers),
        ]),
    ]);

    public static DemoSystem Visitors { get; } = new("Bezoekersregistratie receptie", "visitors",
    [
        new("visitor_log", ["security"],
        [
            Id("visit_id"),
            Text("visitor_name", VisitorLog),
            new("visitor_email", "TEXT", "text", Indexed: true, Identifies: SubjectIdentifierKind.EmailAddress, Category: VisitorLog),
            Text("company", VisitorLog),
            new("visited_at", "TIMESTAMP", "timestamp without time zone", Category: VisitorLog),
            Text("host", VisitorLog),
        ]),
        new("cctv_clips", ["security"],
        [
            Id("clip_id"),
            Ref("visit_id", "visitor_log", "visit_id"),
            Text("camera", Images),
            new("recorded_from", "TIMESTAMP", "timestamp without time zone", Category: Images),
            new("recorded_to", "TIMESTAMP", "timestamp without time zone", Category: Images),
            Text("storage_reference", Images),
        ]),
    ]);

    public static IReadOnlyList<DemoSystem> Systems { get; } = [Core, Kyc, Marketing, Surveys, Visitors];
}
