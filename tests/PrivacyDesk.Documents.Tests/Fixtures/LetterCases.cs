using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Documents.Tests.Fixtures;

/// <summary>
/// Cases for the letter tests, built through the real domain factories: the default register's
/// purposes, a subject with an accented name whose relationship ended on 5 March 2026 (so the Wwft
/// retention runs until 5 March 2031), and a request in the state each letter needs.
/// </summary>
public static class LetterCases
{
    public const string SubjectName = "Zoë van Dĳk-Çelik";
    public const string SubjectEmail = "zoe.vandijk@example.nl";
    public const string CustomerNumber = "C-100042";
    public const string Reference = "DSR-2026-000123";

    public static readonly Actor Officer = new("officer-1", "Fatima de Vries", [StaffRole.PrivacyOfficer]);
    public static readonly Actor TeamLead = new("lead-1", "Lea Lead", [StaffRole.TeamLead]);

    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    // deadlines.md worked example: received Tue 14 Apr 2026, due Fri 15 May (14 May is Ascension Day), extended Tue 14 Jul.
    public static readonly DateTimeOffset ReceivedAt = new(2026, 4, 14, 8, 30, 0, TimeSpan.FromHours(2));
    public static readonly DateOnly ReceivedOn = new(2026, 4, 14);
    public static readonly DateOnly DueOn = new(2026, 5, 15);
    public static readonly DateOnly ExtendedDueOn = new(2026, 7, 14);
    public static readonly DateOnly RelationshipEnd = new(2026, 3, 5);

    /// <summary>The letter date: 23:30 UTC on 4 May is already 5 May in Amsterdam.</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2026, 5, 4, 23, 30, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int hours) => ReceivedAt.AddHours(hours);

    public static ControllerProfile Controller() => ControllerProfile.Create(
        new ControllerContact("Voorbeeld Beleggen B.V.", "Herengracht 500\n1017 CB Amsterdam", "+31 20 555 0100", "privacy@voorbeeld.nl",
            "mr. A. (Anneke) de Wit", "fg@voorbeeld.nl", null),
        ControllerDeadlineSettings.Default, Officer, At(-1000)).Value;

    /// <summary>Three purposes of the default register: KYC (f, c; Wwft), products and services (b, f), direct marketing (f, a).</summary>
    public static IReadOnlyList<Purpose> Register() =>
    [
        .. DefaultRegister.Purposes
            .Where(p => p.Definition.Key is "identity-verification" or "products-and-services" or "direct-marketing")
            .Select(p =>
            {
                var purpose = Purpose.Draft(p.Definition, Officer, At(-1000), PrivacyNoticeRegister.IdFor(p.Definition.Key)).Value;
                purpose.Activate(Officer, At(-1000)).IsSuccess.ShouldBeTrue();
                return purpose;
            }),
    ];

    public static Purpose Kyc(this CaseDocumentInput input) => input.Purposes.Single(p => p.Key == "identity-verification");

    public static Purpose Marketing(this CaseDocumentInput input) => input.Purposes.Single(p => p.Key == "direct-marketing");

    public static Purpose Products(this CaseDocumentInput input) => input.Purposes.Single(p => p.Key == "products-and-services");

    public static DataSubject Subject(string name = SubjectName, Salutation salutation = Salutation.Unknown)
    {
        var subject = DataSubject.Register(name, [SubjectEmail, "zoe@werk.example.com"], [SubjectCategory.Customer], Officer, At(-1000),
            customerNumber: CustomerNumber, relationshipStart: new DateOnly(2015, 3, 1), salutation: salutation).Value;
        subject.EndRelationship(RelationshipEnd, Officer, At(-1000)).IsSuccess.ShouldBeTrue();
        return subject;
    }

    /// <summary>A received request with its handler; <paramref name="prepare"/> moves it to the state a letter needs.</summary>
    public static CaseDocumentInput Case(
        RequestType type, string language = "nl", Action<DataSubjectRequest, CaseDocumentInput>? prepare = null,
        string description = "Ik wil dat u al mijn gegevens verwijdert. Ik ben geen klant meer sinds maart.",
        string subjectName = SubjectName, ThirdPartyRecipient? thirdParty = null, bool askedForRecipients = false, bool example = false,
        Salutation salutation = Salutation.Unknown)
    {
        var subject = Subject(subjectName, salutation);
        var register = Register();
        var intake = new RequestIntake(type, RequestChannel.Email, ReceivedAt, ReceivedOn, language, subject.Id, description, DueOn, thirdParty, askedForRecipients);
        var request = DataSubjectRequest.Receive(RequestReference.Parse(Reference), intake, [], Officer, At(0)).Value;
        request.Assign(Officer, Officer, At(1)).IsSuccess.ShouldBeTrue();
        var purposes = subject.ProcessingPurposes(register);
        var input = new CaseDocumentInput(
            Controller(), example, request, subject, purposes,
            RightsEngine.Assess(type, subject, purposes, ReceivedOn.AddDays(6)),
            [], Amsterdam, GeneratedAt, "Fatima de Vries", language);
        prepare?.Invoke(request, input);
        return input;
    }

    public static void Succeeds(this PrivacyDesk.Domain.Common.Result result) =>
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));

    public static void StartProcessing(this DataSubjectRequest request) => request.StartProcessing(Officer, At(2)).Succeeds();

    /// <summary>Records a decision through the rules engine, as the case screen does.</summary>
    public static void Decide(this DataSubjectRequest request, CaseDocumentInput input, Purpose purpose, ProposedDecision decision) =>
        DecisionRecording.Record(request, purpose, input.Assessment.For(purpose.Id)!, decision, Officer, At(3)).Succeeds();

    /// <summary>
    /// For every purpose, the first decision the rules engine accepts: not applicable where the right does
    /// not reach the purpose; otherwise comply, else partly (on the remaining bases).
    /// </summary>
    public static void DecideAsTheLawAllows(DataSubjectRequest request, CaseDocumentInput input)
    {
        request.StartProcessing();
        foreach (var purpose in input.Purposes)
        {
            var assessment = input.Assessment.For(purpose.Id)!;
            var notApplicable = ProposedDecision.NotApplicable(purpose.Id, "Dit recht raakt dit doel niet.");
            ProposedDecision[] candidates =
            [
                .. assessment.RightApplies ? Array.Empty<ProposedDecision>() : [notApplicable],
                ProposedDecision.Comply(purpose.Id, purpose.DataCategories.Select(c => c.Name)),
                ProposedDecision.PartiallyComply(purpose.Id, assessment.RemainingBases, "Een deel van de verwerking blijft nodig."),
                notApplicable,
            ];
            var allowed = candidates.First(c => DecisionRules.Validate(request.Type, purpose, assessment, c).IsSuccess);
            request.Decide(input, purpose, allowed);
        }
    }

    /// <summary>Erasure after the relationship ended: KYC stays under the Wwft, the rest is erased.</summary>
    public static void DecideErasure(DataSubjectRequest request, CaseDocumentInput input)
    {
        request.StartProcessing();
        request.Decide(input, input.Kyc(), ProposedDecision.PartiallyComply(input.Kyc().Id, [LawfulBasisKind.LegalObligation],
            "De wet verplicht ons uw identiteitsgegevens na het einde van de relatie nog vijf jaar te bewaren."));
        request.Decide(input, input.Marketing(), ProposedDecision.Comply(input.Marketing().Id));
        request.Decide(input, input.Products(), ProposedDecision.Comply(input.Products().Id));
    }

    /// <summary>Decided as the law allows, submitted and approved: the response as it is sent.</summary>
    public static void DecideAsTheLawAllowsAndApprove(DataSubjectRequest request, CaseDocumentInput input)
    {
        if (request.Type == RequestType.ConsentWithdrawal)
        {
            // Submission needs the withdrawal's purposes (ADR 0024): here every consent purpose of the subject.
            var consentPurposes = DataSubjectRequest.ConsentWithdrawalCandidates(input.Purposes).Select(p => p.Id).ToList();
            request.ChooseConsentWithdrawalPurposes(Officer, At(2), consentPurposes, consentPurposes).Succeeds();
        }
        DecideAsTheLawAllows(request, input);
        request.SubmitForApproval(Officer, At(4), input.Purposes.Select(p => p.Id)).Succeeds();
        request.Approve(TeamLead, At(5)).Succeeds();
    }

    /// <summary>The erasure decided, submitted and approved by a team lead (four eyes): the letter is no longer a draft.</summary>
    public static void DecideErasureAndApprove(DataSubjectRequest request, CaseDocumentInput input)
    {
        DecideErasure(request, input);
        request.SubmitForApproval(Officer, At(4), input.Purposes.Select(p => p.Id)).Succeeds();
        request.Approve(TeamLead, At(5)).Succeeds();
    }

    public static void Extend(DataSubjectRequest request, CaseDocumentInput input) =>
        request.Extend(Officer, At(48), ExtensionReason.Complexity, "Uw gegevens staan in zes systemen, waaronder een archief op papier.", ReceivedOn.AddDays(2), ExtendedDueOn).Succeeds();

    public static void NotifyFee(DataSubjectRequest request, CaseDocumentInput input) =>
        request.NotifyFee(Officer, At(48), FeeReason.AdditionalCopy, 1250, copyNumber: 2).Succeeds();

    public static void Refuse(DataSubjectRequest request, CaseDocumentInput input)
    {
        request.ProposeRejection(Officer, At(5), new RefusalProposal(RequestRefusalGround.Excessive,
            "U hebt dit jaar al elf identieke verzoeken ingediend; het laatste antwoord is van 2 april 2026.", "AVG art. 12(5)(b)",
            "Elf identieke verzoeken in 2026, alle volledig beantwoord."), []).Succeeds();
        request.Approve(TeamLead, At(6)).Succeeds();
        request.Reject(Officer, At(7)).Succeeds();
    }

    /// <summary>Erasure decided and one Art. 19 notification planned per recipient of KYC.</summary>
    public static IReadOnlyList<RecipientNotification> PlanNotifications(DataSubjectRequest request, CaseDocumentInput input)
    {
        DecideErasure(request, input);
        var planned = request.PlanRecipientNotifications(Officer, At(4),
            input.Marketing().Recipients.Select(r => new PlannedRecipient(r.Name, NotificationRecipientKind.External, input.Marketing().Id)));
        planned.IsSuccess.ShouldBeTrue(string.Join(", ", planned.Errors));
        return planned.Value;
    }

    /// <summary>A restriction granted for every purpose and applied on 16 April 2026.</summary>
    public static void Restrict(DataSubjectRequest request, CaseDocumentInput input)
    {
        request.StartProcessing();
        foreach (var purpose in input.Purposes)
        {
            request.Decide(input, purpose, ProposedDecision.Comply(purpose.Id));
        }
        request.ApplyRestriction(Officer, new DateTimeOffset(2026, 4, 16, 11, 0, 0, TimeSpan.FromHours(2))).Succeeds();
    }
}
