using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PrivacyDesk.Documents.Extracts;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Documents.Tests.Fixtures;

/// <summary>
/// A case with collected extracts, built through the real domain factories: the default register (every
/// purpose of the privacy notice, Active but for "Beveiliging"), a customer with an accented name, a request
/// in progress, and extracts from four source systems validated by <see cref="ExtractCheck"/>.
/// </summary>
public static class DataCopiesCase
{
    public static readonly Actor Officer = new("officer-1", "Fatima de Vries", [StaffRole.PrivacyOfficer]);
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    public static readonly DateTimeOffset ReceivedAt = new(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset GeneratedAt = new(2026, 3, 4, 23, 30, 0, TimeSpan.Zero);
    public static readonly RequestReference Reference = RequestReference.Parse("DSR-2026-000123");

    public const string SubjectName = "Zoë van der Berg-Çelik";
    public const string SubjectEmail = "zoe.berg@example.nl";
    public const string CustomerNumber = "K-100234";

    public const string Crm = "CRM";
    public const string Core = "Handelsplatform en kernadministratie";
    public const string Kyc = "KYC-tool";
    public const string Marketing = "Marketingplatform";
    public const string Archive = "Archief";

    /// <summary>The default register with every purpose that can be activated made Active.</summary>
    public static IReadOnlyList<Purpose> ActiveRegister()
    {
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var purposes = new List<Purpose>();
        foreach (var curated in DefaultRegister.Purposes)
        {
            var purpose = Purpose.Draft(curated.Definition, Officer, at).Value;
            if (purpose.Violations().Count == 0)
            {
                purpose.Activate(Officer, at).IsSuccess.ShouldBeTrue();
            }
            purposes.Add(purpose);
        }
        return purposes;
    }

    public static ControllerProfile Controller() => ControllerProfile.Create(
        new ControllerContact("Voorbeeld Beleggen B.V.", "Herengracht 500\n1017 CB Amsterdam", "+31 20 123 4567", "privacy@voorbeeld.nl",
            "Mr. drs. A. Özdemir", "fg@voorbeeld.nl", OfficeHours.Weekdays),
        ControllerDeadlineSettings.Default, Officer, ReceivedAt).Value;

    public static DataSubject Subject() => DataSubject.Register(SubjectName, [SubjectEmail], [SubjectCategory.Customer], Officer, ReceivedAt,
        customerNumber: CustomerNumber, relationshipStart: new DateOnly(2019, 4, 1)).Value;

    /// <param name="coreRows">Transactions in the (wide, seven-column) core-system extract.</param>
    public static CaseDocumentInput Build(
        RequestType type = RequestType.Access, string language = "nl", ThirdPartyRecipient? thirdParty = null, int coreRows = 40, string? crmNote = null,
        bool fetchedCore = false)
    {
        var register = ActiveRegister();
        var subject = Subject();
        var request = DataSubjectRequest.Receive(Reference,
            new RequestIntake(type, RequestChannel.Email, ReceivedAt, new DateOnly(2026, 2, 10), language, subject.Id,
                "Ik wil een kopie van mijn gegevens.", new DateOnly(2026, 3, 10), thirdParty),
            [], Officer, ReceivedAt).Value;
        request.Assign(Officer, Officer, ReceivedAt.AddHours(1)).IsSuccess.ShouldBeTrue();
        request.StartProcessing(Officer, ReceivedAt.AddHours(2)).IsSuccess.ShouldBeTrue();
        var tasks = request.PlanDataCollection(Officer, ReceivedAt.AddHours(3), new DateOnly(2026, 2, 10),
            [Crm, Core, Kyc, Marketing, Archive], new DateOnly(2026, 3, 1), "Bronteam").Value;

        var files = new Dictionary<string, (string FileName, string Content)>(StringComparer.Ordinal)
        {
            [Crm] = ("crm-export.csv",
                "klantnummer;naam;email;telefoon;notitie\n"
                + $"{CustomerNumber};{SubjectName};{SubjectEmail};+31 6 1234 5678;\"{(crmNote ?? "Belt liefst 's ochtends; =SUM(A1) <b>geen</b> markup")}\"\n"),
            [Core] = fetchedCore ? ("handelsplatform-DSR-2026-000123-202602101400.json", FetchedCoreJson(coreRows)) : ("kern.json", CoreJson(coreRows)),
            [Kyc] = ("kyc.csv",
                "customerNumber,documentType,verifiedOn,riskScore\n"
                + $"{CustomerNumber},Paspoort,2019-04-01,Laag\n"),
            [Marketing] = ("marketing.csv",
                "email;nieuwsbrief;kanaal;segment\n"
                + $"{SubjectEmail};ja;e-mail;Actieve belegger\n"),
        };
        var extracts = new List<CollectedExtract>();
        var hour = 4;
        foreach (var task in tasks)
        {
            hour++;
            var at = ReceivedAt.AddHours(hour);
            if (!files.TryGetValue(task.SourceSystem, out var file))
            {
                request.MarkCollectionTaskNotApplicable(Officer, at, task.Id, "Geen dossier in het archief.").IsSuccess.ShouldBeTrue();
                continue;
            }
            var bytes = Encoding.UTF8.GetBytes(file.Content);
            // A fetched extract is not checked record by record: rows reached through references carry no identifier; the map is the proof.
            var table = fetchedCore && task.SourceSystem == Core
                ? ExtractCheck.Parse(file.FileName, bytes)
                : ExtractCheck.Validate(file.FileName, bytes, new SubjectIdentifiers(CustomerNumber, [SubjectEmail]));
            table.IsSuccess.ShouldBeTrue(string.Join(", ", table.Errors));
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            request.RecordCollectionExtract(Officer, at, task.Id, new ExtractReceipt(Guid.NewGuid(), file.FileName, sha, table.Value.RowCount, bytes.Length))
                .IsSuccess.ShouldBeTrue();
            extracts.Add(new CollectedExtract(task.Id, task.SourceSystem, file.FileName, sha, table.Value, at));
        }

        var purposes = subject.ProcessingPurposes(register);
        var on = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(GeneratedAt, Amsterdam).DateTime);
        var assessment = RightsEngine.Assess(type, subject, register, on);
        return new CaseDocumentInput(Controller(), false, request, subject, purposes, assessment, extracts, Amsterdam, GeneratedAt,
            "Fatima de Vries", language);
    }

    /// <summary>What a connector fetches from the core system: per row its table first, then that table's columns (null as null).</summary>
    private static string FetchedCoreJson(int transactions)
    {
        var json = new StringBuilder("[\n");
        json.Append(CultureInfo.InvariantCulture, $$"""  {"_table": "klanten", "klantnummer": "{{CustomerNumber}}", "naam": "{{SubjectName}}", "email": "{{SubjectEmail}}", "geboortedatum": null},""").Append('\n');
        json.Append(CultureInfo.InvariantCulture, $$"""  {"_table": "rekeningen", "rekeningnummer": "NL91 ABNA 0417 1643 00", "klantnummer": "{{CustomerNumber}}", "product": "Beleggingsrekening", "risicoprofiel": "Offensief"},""").Append('\n');
        json.Append(CultureInfo.InvariantCulture, $$"""  {"_table": "rekeningen", "rekeningnummer": "NL20 INGB 0001 2345 67", "klantnummer": "{{CustomerNumber}}", "product": "Spaarrekening", "risicoprofiel": null}""");
        for (var i = 1; i <= transactions; i++)
        {
            json.Append(",\n");
            json.Append(CultureInfo.InvariantCulture, $$"""  {"_table": "transacties", "transactie": "T-{{i:00000}}", "rekeningnummer": "NL91 ABNA 0417 1643 00", "datum": "2026-01-{{1 + (i % 28):00}}", "bedrag": {{i * 12.5m:0.00}}}""");
        }
        return json.Append("\n]").ToString();
    }

    private static string CoreJson(int rows)
    {
        var json = new StringBuilder("[");
        for (var i = 1; i <= rows; i++)
        {
            json.Append(i == 1 ? "\n" : ",\n");
            json.Append(CultureInfo.InvariantCulture, $$"""  {"customerNumber": "{{CustomerNumber}}", "transactie": "T-{{i:00000}}", "datum": "2026-01-{{1 + (i % 28):00}}", "omschrijving": "Aankoop ASML Holding N.V. ({{i}} stuks)", "bedrag": "{{i * 12.5m:0.00}}", "valuta": "EUR", "rekening": "NL91 ABNA 0417 1643 00"}""");
        }
        return json.Append("\n]").ToString();
    }
}
