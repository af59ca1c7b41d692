using System.Globalization;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Documents.Tests.Fixtures;

/// <summary>
/// A whole erasure case built through the domain methods (identity by ID copy, an extension, a replaced
/// decision, a send-back, approval, an Art. 19 notification, notes), with its audit trail chained as
/// persistence chains it. No test framework here: the benchmarks link this file too.
/// </summary>
public static class CaseFileCases
{
    public static readonly Actor Officer = new("officer-1", "Olga Officier", [StaffRole.PrivacyOfficer]);
    public static readonly Actor TeamLead = new("lead-1", "Lea van der Leiding", [StaffRole.TeamLead]);
    public static readonly Actor Auditor = new("auditor-1", "Ada Auditor", [StaffRole.Auditor]);

    public const string SubjectName = "Anaïs Öztürk-de Vriës";
    public const string AccentedNote = "Betrokkene belde: zij wil ook dat de brief naar haar nieuwe adres in Zürich gaat. Café-gesprek bevestigd, geen reden tot twijfel.";
    public const string Retention = "Wwft art. 33";

    public static readonly RequestReference Reference = RequestReference.Parse("DSR-2026-000123");
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById(DeadlinePolicy.DefaultTimeZoneId);

    // deadlines.md worked example: received Tue 10 Feb 2026, due Tue 10 Mar, extended Mon 11 May.
    public static readonly DateTimeOffset ReceivedAt = new(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly ReceivedOn = new(2026, 2, 10);
    public static readonly DateOnly DueOn = new(2026, 3, 10);
    public static readonly DateOnly ExtendedDueOn = new(2026, 5, 11);
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double hours) => ReceivedAt.AddHours(hours);

    /// <summary>The case file input in <paramref name="language"/>, with <paramref name="extraEvents"/> further audit events (views, downloads).</summary>
    public static CaseFileInput CaseFile(string language = "nl", int extraEvents = 0, string? longNote = null, int sendBacks = 1) =>
        CaseFile(Case(language, longNote, sendBacks), extraEvents);

    public static CaseFileInput CaseFile(CaseDocumentInput input, int extraEvents = 0, IEnumerable<AuditEvent>? appended = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var trail = Trail(input.Request, extraEvents, appended);
        var verification = AuditChain.Verify(trail);
        var check = new AuditChainCheck(verification.IsIntact, verification.EntriesChecked, verification.FirstBrokenSequence, GeneratedAt.AddMinutes(-1));
        return new CaseFileInput(input, trail, check, Documents(input.Request));
    }

    /// <summary>Everything a case document is rendered from, for the erasure case.</summary>
    /// <param name="sendBacks">How often the team lead sends the response back before approving it.</param>
    public static CaseDocumentInput Case(string language = "nl", string? longNote = null, int sendBacks = 1)
    {
        var controller = ControllerProfile.Create(
            new ControllerContact("Voorbeeldbank N.V.", "Postbus 12345\n1000 AB Amsterdam", "+31 20 000 0000", "privacy@voorbeeldbank.example",
                "mr. drs. Anneke Bos", "fg@voorbeeldbank.example", OfficeHours.Weekdays),
            ControllerDeadlineSettings.Default, Actor.System, At(-5000)).Value;
        var subject = Ok(DataSubject.Register(SubjectName, ["anais@example.nl"], [SubjectCategory.Customer], Officer, At(-4000),
            customerNumber: "C-100123", relationshipStart: new DateOnly(2015, 3, 1)));
        var account = Activate(new PurposeDefinition("account", new("Klantrelatie en betalingsverkeer", "Customer relationship and payments"), new("Rekening en betalingen", "Account and payments"))
        {
            LawfulBases = [LawfulBasis.Contract("Klantovereenkomst"), LawfulBasis.LegalObligation(Retention)],
            SubjectCategories = [SubjectCategory.Customer],
            DataCategories = [new("Contactgegevens", DataOrigin.ProvidedBySubject), new("Transacties", DataOrigin.ObservedFromUse)],
            Recipients = [new("Betaalverwerker B.V.", RecipientKind.Processor, "NL")],
            Retention = new(5, RetentionUnit.Years, RetentionStart.AfterRelationshipEnd, "5 jaar na einde relatie, Wwft art. 33"),
            IsProcessedByAutomatedMeans = true,
        });
        var newsletter = Activate(new PurposeDefinition("newsletter", new("Nieuwsbrief", "Newsletter"), new("Nieuwsbrief per e-mail", "Newsletter by e-mail"))
        {
            LawfulBases = [LawfulBasis.Consent(new("Vinkje bij aanmelding", "Afmeldlink", IsExplicit: false))],
            SubjectCategories = [SubjectCategory.Customer],
            DataCategories = [new("E-mailadres", DataOrigin.ProvidedBySubject)],
            Recipients = [new("Mailhuis B.V.", RecipientKind.Processor, "NL")],
            Retention = new(1, RetentionUnit.Years, RetentionStart.AfterCollection, "tot afmelding"),
            IsProcessedByAutomatedMeans = true,
        });
        var request = Request(subject.Id, account.Id, newsletter.Id, language, longNote, sendBacks);
        var purposes = new[] { account, newsletter };
        var assessment = RightsEngine.Assess(RequestType.Erasure, subject, purposes, DateOnly.FromDateTime(GeneratedAt.UtcDateTime));
        return new CaseDocumentInput(controller, false, request, subject, purposes, assessment, [], Amsterdam, GeneratedAt, Auditor.Name, language);
    }

    private static DataSubjectRequest Request(Guid subject, Guid account, Guid newsletter, string language, string? longNote, int sendBacks)
    {
        var intake = new RequestIntake(RequestType.Erasure, RequestChannel.Email, ReceivedAt, ReceivedOn, language, subject,
            "Ik wil dat al mijn gegevens worden verwijderd nu mijn rekening is opgezegd.", DueOn);
        var request = Ok(DataSubjectRequest.Receive(Reference, intake, [], Officer, At(0)));
        Ok(request.Assign(Officer, Officer, At(1)));
        Ok(request.RequestIdentityVerification(Officer, At(2), "Kopie paspoort met BSN en foto afgeschermd"));
        var verification = Ok(request.RecordIdentityVerification(Officer, At(26), IdentityVerificationMethod.IdDocumentCopy,
            IdentityVerificationOutcome.Verified, "Naam en geboortedatum komen overeen.", new IdCopyMasking(true, true)));
        Ok(request.ConfirmIdCopyDeleted(Officer, verification.Id, At(27)));
        Ok(request.StartProcessing(Officer, At(28)));
        Ok(request.Extend(Officer, At(50), ExtensionReason.Complexity, "Gegevens in vijf bronsystemen; de archiefafdeling levert pas in april.", new DateOnly(2026, 2, 20), ExtendedDueOn));
        Ok(request.RecordDecision(Officer, At(100), new PurposeDecisionDraft(account, PurposeDecisionOutcome.Comply)));
        Ok(request.RecordDecision(Officer, At(120), new PurposeDecisionDraft(account, PurposeDecisionOutcome.PartiallyComply,
            RefusalGround.LegalRetentionObligation, Retention, "Transacties bewaard tot 1 maart 2031 (Wwft art. 33); contactgegevens gewist.",
            "Na overleg met compliance: de Wwft-bewaarplicht gaat voor.")));
        Ok(request.RecordDecision(Officer, At(121), new PurposeDecisionDraft(newsletter, PurposeDecisionOutcome.Comply)));
        Ok(request.AddNote(Officer, At(122), AccentedNote));
        if (longNote is not null)
        {
            Ok(request.AddNote(Officer, At(123), longNote));
        }
        Ok(request.PlanRecipientNotifications(Officer, At(124), [new PlannedRecipient("Mailhuis B.V.", NotificationRecipientKind.External, newsletter)]));
        for (var i = 0; i < sendBacks; i++)
        {
            Ok(request.SubmitForApproval(Officer, At(125 + (i * 0.5)), [account, newsletter]));
            Ok(request.SendBack(TeamLead, At(125.25 + (i * 0.5)), i == 0 ? "Noem in de brief tot wanneer de transacties bewaard blijven." : $"Ronde {i + 1}: nog niet goed."));
        }
        Ok(request.SubmitForApproval(Officer, At(150), [account, newsletter]));
        Ok(request.Approve(TeamLead, At(160), "Akkoord."));
        Ok(request.MarkRecipientNotified(Officer, request.RecipientNotifications[0].Id, At(161)));
        Ok(request.MarkResponded(Officer, At(162)));
        return request;
    }

    /// <summary>The request's changes as persistence writes them: one chained event each, then views and downloads.</summary>
    public static IReadOnlyList<AuditEvent> Trail(DataSubjectRequest request, int extraEvents = 0, IEnumerable<AuditEvent>? appended = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var events = request.PendingChanges.Select(AuditEvent.From).ToList();
        var last = request.PendingChanges[^1].At;
        for (var i = 0; i < extraEvents; i++)
        {
            var at = last.AddMinutes(7 * (i + 1));
            events.Add(i % 5 == 4
                ? AuditEvent.Record(at, Auditor.Id, Auditor.Name, "document.downloaded", "CaseDocument", Guid.CreateVersion7().ToString(),
                    AuditDetails.Of(("requestId", request.Id), ("kind", "Response"), ("version", 1)))
                : AuditEvent.Record(at, i % 2 == 0 ? Officer.Id : TeamLead.Id, i % 2 == 0 ? Officer.Name : TeamLead.Name, "request.viewed",
                    DataSubjectRequest.AuditEntityType, request.Id.ToString()));
        }
        events.AddRange(appended ?? []);
        string? previous = null;
        var streams = new Dictionary<(string, string), (int Sequence, string Hash)>();
        for (var i = 0; i < events.Count; i++)
        {
            var audit = events[i];
            var key = (audit.EntityType, audit.EntityId);
            var stream = streams.GetValueOrDefault(key);
            audit.Chain(i + 1, previous, stream.Sequence + 1, stream.Hash, Amsterdam);
            streams[key] = (stream.Sequence + 1, audit.Hash);
            previous = audit.Hash;
        }
        return events;
    }

    private static List<IssuedDocument> Documents(DataSubjectRequest request) =>
    [
        new(DocumentKind.Acknowledgement, request.Language, 1, DocumentNames.FileName(DocumentKind.Acknowledgement, request.Reference.ToString(), request.Language),
            "3f2a9c1e8b7d6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877", At(1.5), Officer.Name),
        new(DocumentKind.ExtensionNotice, request.Language, 1, DocumentNames.FileName(DocumentKind.ExtensionNotice, request.Reference.ToString(), request.Language),
            "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", At(50.5), Officer.Name),
        new(DocumentKind.Response, request.Language, 1, DocumentNames.FileName(DocumentKind.Response, request.Reference.ToString(), request.Language),
            "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", At(130), Officer.Name),
        new(DocumentKind.Response, request.Language, 2, DocumentNames.FileName(DocumentKind.Response, request.Reference.ToString(), request.Language),
            "9988776655443322110099887766554433221100aabbccddeeff001122334455", At(155), Officer.Name),
    ];

    private static Purpose Activate(PurposeDefinition definition)
    {
        var purpose = Ok(Purpose.Draft(definition, Officer, At(-4500)));
        Ok(purpose.Activate(Officer, At(-4500)));
        return purpose;
    }

    private static T Ok<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException(string.Join(", ", result.Errors));

    private static void Ok(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors));
        }
    }

    /// <summary>A long note (about 3,500 characters, room left for a test's own text) that must continue across a page edge.</summary>
    public static string LongNote()
    {
        var sentence = "Gesprek met de afdeling Financiële Zaken over de bewaartermijn; de Wwft vraagt vijf jaar na het einde van de relatie. ";
        var text = new System.Text.StringBuilder();
        var i = 0;
        while (text.Length + sentence.Length < CaseNote.TextMaxLength - 500)
        {
            text.Append(CultureInfo.InvariantCulture, $"({++i}) ").Append(sentence);
        }
        return text.Append("Einde notitie.").ToString();
    }
}
