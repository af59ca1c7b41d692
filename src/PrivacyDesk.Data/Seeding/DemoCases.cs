using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Data.Seeding;

/// <summary>The members of staff the demo cases are handled and approved by.</summary>
public sealed record DemoCaseStaff(IReadOnlyList<Actor> Officers, Actor TeamLead);

/// <summary>What the generator made, before it is saved.</summary>
public sealed record DemoCaseSet(IReadOnlyList<DataSubject> Subjects, IReadOnlyList<DataSubjectRequest> Requests);

/// <summary>
/// Realistic demo subjects and requests for the screens (Development) and for tests (with a fixed
/// seed): every request type, channel and status, some overdue, some due within a week, some
/// extended. Everything is built through the domain methods with past timestamps, so each case has
/// the audit trail it would have had. Deterministic for a seed and a moment "now".
/// </summary>
public static class DemoCases
{
    public const int DefaultSeed = 20_261_125;
    public const int SubjectCount = 60;
    public const int RequestCount = 150;

    /// <summary>The customer the end-to-end test logs an erasure request for: relationship ended a year ago, no request yet.</summary>
    public const string WellKnownName = "Jan de Vries";
    public const string WellKnownCustomerNumber = "C-100001";
    public const string WellKnownEmail = "jan.devries@example.nl";

    /// <summary>Adds the demo cases unless the database already has requests.</summary>
    /// <returns>How many requests were added (0 when there were requests already).</returns>
    public static async Task<int> SeedAsync(
        PrivacyDeskDbContext db, DemoCaseStaff staff, DeadlinePolicy policy, DateTimeOffset now, int seed = DefaultSeed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Requests.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var register = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
        var counters = await db.RequestReferenceCounters.ToListAsync(cancellationToken);
        var set = Generate(register, staff, policy, now, seed, counters.ToDictionary(c => c.Year, c => c.LastSequence));
        foreach (var year in set.Requests.Select(r => r.Reference.Year).Distinct())
        {
            var counter = counters.SingleOrDefault(c => c.Year == year);
            if (counter is null)
            {
                counter = RequestReferenceCounter.Start(year);
                db.RequestReferenceCounters.Add(counter);
            }
            var last = set.Requests.Where(r => r.Reference.Year == year).Max(r => r.Reference.Sequence);
            while (counter.LastSequence < last)
            {
                counter.Next();
            }
        }
        db.DataSubjects.AddRange(set.Subjects);
        db.Requests.AddRange(set.Requests);
        await db.SaveChangesAsync(cancellationToken);
        return set.Requests.Count;
    }

    /// <param name="lastSequences">The last reference number already handed out per year, if any.</param>
    public static DemoCaseSet Generate(
        IReadOnlyList<Purpose> register, DemoCaseStaff staff, DeadlinePolicy policy, DateTimeOffset now, int seed = DefaultSeed,
        IReadOnlyDictionary<int, int>? lastSequences = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(policy);
        return new Generator(register, staff, policy, now, seed, lastSequences ?? new Dictionary<int, int>()).Run();
    }

    private sealed class Generator(
        IReadOnlyList<Purpose> register, DemoCaseStaff staff, DeadlinePolicy policy, DateTimeOffset now, int seed, IReadOnlyDictionary<int, int> lastSequences)
    {
        private static readonly string[] FirstNames =
        [
            "Lotte", "Fleur", "Noa", "Emma", "Julia", "Sophie", "Mila", "Tess", "Anouk", "Femke", "Lieke", "Iris", "Maaike", "Thijs",
            "Bram", "Lucas", "Sem", "Ruben", "Jesse", "Milan", "Niels", "Joris", "Koen", "Wouter", "Stijn", "Gijs", "Hanneke", "Mohamed",
            "Yasmina", "Fatma", "Ahmet", "Priya", "Wei", "Zoë", "René", "Anaïs", "Joëlle", "Kees", "Marloes", "Rik", "Esther", "Jeroen",
        ];

        // How the demo subjects are addressed in letters; a first name not listed (Wei, Priya's colleagues…) stays unknown, as at a real intake.
        private static readonly HashSet<string> Women =
        [
            "Lotte", "Fleur", "Noa", "Emma", "Julia", "Sophie", "Mila", "Tess", "Anouk", "Femke", "Lieke", "Iris", "Maaike", "Hanneke", "Yasmina", "Fatma",
            "Priya", "Zoë", "Anaïs", "Joëlle", "Marloes", "Esther", "Eline",
        ];

        private static readonly HashSet<string> Men =
        [
            "Thijs", "Bram", "Lucas", "Sem", "Ruben", "Jesse", "Milan", "Niels", "Joris", "Koen", "Wouter", "Stijn", "Gijs", "Mohamed", "Ahmet", "René",
            "Kees", "Rik", "Jeroen", "Jan", "Jürgen",
        ];

        private static Salutation SalutationOf(string name)
        {
            var first = name.Split(' ')[0];
            return Women.Contains(first) ? Salutation.Madam : Men.Contains(first) ? Salutation.Sir : Salutation.Unknown;
        }

        private static readonly string[] LastNames =
        [
            "de Jong", "Jansen", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
            "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
            "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
            "van den Broek", "de Bruijn", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "El Idrissi", "Yılmaz",
            "Öztürk", "Nguyen",
        ];

        private static readonly string[] Domains = ["example.nl", "example.com", "example.org", "example.net"];

        private static readonly string[] Descriptions =
        [
            "De betrokkene belde en vroeg om een kopie van alle gegevens die wij over hem of haar hebben.",
            "Per e-mail: verzoek om het adres en telefoonnummer in ons klantsysteem te corrigeren.",
            "Wil dat al zijn gegevens worden verwijderd nu de rekening is opgezegd.",
            "Vraagt de verwerking van haar gegevens te beperken zolang de klacht over de kredietbeoordeling loopt.",
            "Wil de transactiegegevens in een leesbaar bestand ontvangen om over te stappen naar een andere bank.",
            "Maakt bezwaar tegen het gebruik van zijn gegevens voor marketing en profilering.",
            "Vraagt om menselijke tussenkomst bij de automatische afwijzing van de kredietaanvraag.",
            "Trekt de toestemming voor de nieuwsbrief en de klanttevredenheidsonderzoeken in.",
            "Wil weten aan welke partijen wij haar gegevens hebben verstrekt.",
            "Letter received at reception: the customer asks for all personal data held about him.",
            "Customer phoned from abroad and asked for his details to be corrected and for confirmation in English.",
        ];

        private readonly Random _random = new(seed);
        private readonly ResponseDeadlineCalculator _deadlines = new(HolidayCalendar.LegalOnly, policy);
        private readonly DateOnly _today = policy.DateOf(now);
        private readonly List<Purpose> _active = [.. register.Where(p => p.IsActive).OrderBy(p => p.Key, StringComparer.Ordinal)];
        private readonly Dictionary<int, int> _sequences = new(lastSequences);
        private readonly List<DataSubject> _subjects = [];
        private readonly List<DataSubjectRequest> _requests = [];
        private readonly Dictionary<Guid, List<DataSubjectRequest>> _bySubject = [];
        private readonly HashSet<string> _names = [];
        private readonly HashSet<string> _emails = [];

        public DemoCaseSet Run()
        {
            MakeSubjects();
            MakeRequests();
            return new DemoCaseSet(_subjects, _requests);
        }

        private void MakeSubjects()
        {
            var wellKnown = Register(WellKnownName, WellKnownEmail, [SubjectCategory.Customer], WellKnownCustomerNumber, "+31 6 2345 6789",
                new DateOnly(2015, 3, 2), _today.AddYears(-1));
            _subjects.Add(wellKnown);
            _subjects.Add(Register("Eline van den Bergh", null, [SubjectCategory.Customer, SubjectCategory.NewsletterSubscriber], "C-100002", null,
                new DateOnly(2019, 6, 14), null));
            _subjects.Add(Register("Jürgen Ñúñez-Østergaard", null, [SubjectCategory.Customer], "C-100003", "+45 20 12 34 56",
                new DateOnly(2021, 11, 1), null));
            var number = 100_004;
            while (_subjects.Count < SubjectCount)
            {
                var name = $"{Pick(FirstNames)} {Pick(LastNames)}";
                if (name == WellKnownName || !_names.Add(name))
                {
                    continue;
                }
                var roll = _random.NextDouble();
                List<SubjectCategory> categories = roll switch
                {
                    < 0.62 => [SubjectCategory.Customer],
                    < 0.72 => [SubjectCategory.Customer, SubjectCategory.NewsletterSubscriber],
                    < 0.80 => [SubjectCategory.Prospect],
                    < 0.86 => [SubjectCategory.NewsletterSubscriber],
                    < 0.90 => [SubjectCategory.WebsiteVisitor],
                    < 0.94 => [SubjectCategory.SurveyRespondent, SubjectCategory.Customer],
                    < 0.97 => [SubjectCategory.WebinarParticipant],
                    _ => [SubjectCategory.PremisesVisitor],
                };
                var customer = categories.Contains(SubjectCategory.Customer);
                DateOnly? start = customer ? _today.AddDays(-_random.Next(400, 5000)) : null;
                DateOnly? end = customer && _random.NextDouble() < 0.22 ? Min(start!.Value.AddDays(_random.Next(365, 3000)), _today.AddDays(-_random.Next(30, 900))) : null;
                if (end is { } e && e < start)
                {
                    end = null;
                }
                var phone = _random.NextDouble() < 0.7
                    ? string.Create(CultureInfo.InvariantCulture, $"+31 6 {_random.Next(1000, 9999)} {_random.Next(1000, 9999)}")
                    : null;
                _subjects.Add(Register(name, null, categories, customer ? "C-" + (number++).ToString(CultureInfo.InvariantCulture) : null, phone, start, end));
            }
            GiveConsents();
        }

        private DataSubject Register(
            string name, string? email, IReadOnlyList<SubjectCategory> categories, string? customerNumber, string? phone, DateOnly? start, DateOnly? end)
        {
            _names.Add(name);
            email ??= UniqueEmail(name);
            var registeredAt = At(start ?? _today.AddDays(-_random.Next(60, 900)), 9);
            var subject = Must(DataSubject.Register(name, [email], categories, Actor.System, registeredAt, phone, customerNumber, start, SalutationOf(name)));
            if (end is { } ended)
            {
                Must(subject.EndRelationship(ended, Actor.System, At(ended, 17)));
            }
            _bySubject[subject.Id] = [];
            return subject;
        }

        private void GiveConsents()
        {
            var consentPurposes = _active.Where(p => p.Has(LawfulBasisKind.Consent)).ToList();
            foreach (var subject in _subjects.Where(s => s.FullName != WellKnownName))
            {
                foreach (var purpose in consentPurposes)
                {
                    var interested = subject.Categories.Intersect(purpose.SubjectCategories).Any();
                    if (!interested || _random.NextDouble() > 0.55)
                    {
                        continue;
                    }
                    var givenOn = (subject.RelationshipStart ?? _today.AddDays(-700)).AddDays(_random.Next(0, 200));
                    givenOn = Min(givenOn, _today.AddDays(-40));
                    var channel = Pick(Enum.GetValues<ConsentChannel>());
                    var wording = _random.NextDouble() < 0.5 ? "2023-01" : "2024-09";
                    Must(subject.GiveConsent(purpose, channel, wording, Actor.System, At(givenOn, 11)));
                    if (_random.NextDouble() < 0.25)
                    {
                        var withdrawnOn = Min(givenOn.AddDays(_random.Next(20, 500)), _today.AddDays(-3));
                        Must(subject.WithdrawConsent(purpose.Id, Actor.System, At(withdrawnOn, 15)));
                    }
                }
            }
        }

        private enum Scenario
        {
            New,
            Taken,
            AwaitingIdentity,
            InProgress,
            InProgressDueSoon,
            InProgressOverdue,
            InProgressExtended,
            AwaitingApproval,
            Approved,
            RespondedOnTime,
            RespondedLate,
            Rejected,
            Withdrawn,
        }

        private static readonly (Scenario Scenario, int Count)[] Plan =
        [
            (Scenario.New, 14), (Scenario.Taken, 6), (Scenario.AwaitingIdentity, 12), (Scenario.InProgress, 14),
            (Scenario.InProgressDueSoon, 10), (Scenario.InProgressOverdue, 8), (Scenario.InProgressExtended, 7),
            (Scenario.AwaitingApproval, 8), (Scenario.Approved, 4), (Scenario.RespondedOnTime, 36), (Scenario.RespondedLate, 9),
            (Scenario.Rejected, 9), (Scenario.Withdrawn, 13),
        ];

        private sealed record CasePlan(Scenario Scenario, RequestType Type, RequestChannel Channel, DataSubject Subject, DateTimeOffset ReceivedAt, Actor Handler);

        private void MakeRequests()
        {
            var scenarios = Plan.SelectMany(p => Enumerable.Repeat(p.Scenario, p.Count)).ToList();
            var types = Enumerable.Range(0, scenarios.Count).Select(i => Enum.GetValues<RequestType>()[i % 9]).ToList();
            var channels = Enumerable.Range(0, scenarios.Count).Select(i => Enum.GetValues<RequestChannel>()[i % 5]).ToList();
            Shuffle(types);
            Shuffle(channels);
            var candidates = _subjects.Where(s => s.FullName != WellKnownName).ToList();
            var plans = scenarios.Select((scenario, i) => new CasePlan(
                    scenario, types[i], channels[i], Pick(candidates), ReceivedAt(scenario), staff.Officers[_random.Next(staff.Officers.Count)]))
                .OrderBy(p => p.ReceivedAt)
                .ToList();
            foreach (var plan in plans)
            {
                var request = Build(plan);
                _requests.Add(request);
                _bySubject[plan.Subject.Id].Add(request);
            }
        }

        private DateTimeOffset ReceivedAt(Scenario scenario)
        {
            var daysAgo = scenario switch
            {
                Scenario.New => _random.Next(0, 6),
                Scenario.Taken => _random.Next(2, 10),
                Scenario.AwaitingIdentity => _random.NextDouble() < 0.2 ? _random.Next(33, 40) : _random.Next(3, 20),
                Scenario.InProgress => _random.Next(5, 20),
                Scenario.InProgressDueSoon => _random.Next(25, 29),
                Scenario.InProgressOverdue => _random.Next(36, 60),
                Scenario.InProgressExtended => _random.Next(40, 75),
                Scenario.AwaitingApproval or Scenario.Approved => _random.Next(12, 24),
                Scenario.RespondedOnTime => _random.Next(35, 330),
                Scenario.RespondedLate => _random.Next(60, 330),
                Scenario.Rejected => _random.Next(30, 300),
                _ => _random.Next(10, 200),
            };
            var at = At(_today.AddDays(-daysAgo), _random.Next(8, 18), _random.Next(0, 60));
            // Today's requests arrived earlier today, never later than now.
            return at > now ? now.AddMinutes(-_random.Next(5, 120)) : at;
        }

        private DataSubjectRequest Build(CasePlan plan)
        {
            var receivedOn = policy.DateOf(plan.ReceivedAt);
            var deadline = _deadlines.ForReceiptOn(receivedOn);
            var reference = NextReference(receivedOn.Year);
            var registrar = plan.Channel == RequestChannel.WebForm ? Actor.System : plan.Handler;
            var intake = new RequestIntake(
                plan.Type, plan.Channel, plan.ReceivedAt, receivedOn, _random.NextDouble() < 0.85 ? "nl" : "en", plan.Subject.Id,
                Descriptions[(int)plan.Type % Descriptions.Length], deadline.DueOn,
                SubjectAskedForRecipients: plan.Type == RequestType.Access && _random.NextDouble() < 0.3);
            var existing = _bySubject[plan.Subject.Id].Select(r => new ExistingRequest(r.Reference, r.Type, r.SubjectId, r.Status));
            var request = Must(DataSubjectRequest.Receive(reference, intake, existing, registrar, Min(plan.ReceivedAt.AddMinutes(_random.Next(2, 90)), now)));
            if (plan.Scenario == Scenario.New)
            {
                return request;
            }

            var handler = plan.Handler;
            var lead = staff.TeamLead;
            // When the case ends: now for open cases, the answer for closed ones.
            var dueAt = At(request.DueOn, 16);
            var end = plan.Scenario switch
            {
                Scenario.RespondedOnTime => Min(At(receivedOn.AddDays(_random.Next(8, 27)), 15), Min(dueAt, now.AddHours(-1))),
                Scenario.RespondedLate => Min(At(request.DueOn.AddDays(_random.Next(1, 12)), 14), now.AddHours(-1)),
                Scenario.Rejected => Min(At(receivedOn.AddDays(_random.Next(6, 25)), 13), now.AddHours(-1)),
                Scenario.Withdrawn => Min(At(receivedOn.AddDays(_random.Next(2, 20)), 10), now.AddHours(-1)),
                _ => now.AddMinutes(-30),
            };
            var clock = new StepClock(request.ReceivedAt.AddHours(1), end);

            // An officer takes the case, or the team lead hands it out.
            Must(_random.NextDouble() < 0.6 ? request.Assign(handler, handler, clock.Next()) : request.Assign(lead, handler, clock.Next()));
            if (plan.Scenario == Scenario.Taken)
            {
                return request;
            }
            if (plan.Scenario == Scenario.Withdrawn)
            {
                if (_random.NextDouble() < 0.5)
                {
                    VerifyIdentity(request, handler, clock, idCopy: false);
                    Must(request.StartProcessing(handler, clock.Next()));
                }
                Must(request.Withdraw(handler, clock.End, _random.NextDouble() < 0.5 ? "De betrokkene heeft het verzoek telefonisch ingetrokken." : null));
                return request;
            }
            if (plan.Scenario == Scenario.AwaitingIdentity)
            {
                Must(request.RequestIdentityVerification(handler, clock.Next(), "Kopie identiteitsbewijs met afgeschermd BSN en pasfoto."));
                return request;
            }

            var idCopy = _random.NextDouble() < 0.25;
            VerifyIdentity(request, handler, clock, idCopy);
            Must(request.StartProcessing(handler, clock.Next()));
            if (plan.Scenario == Scenario.InProgressExtended)
            {
                // Told within the first month, as Art. 12(3) demands.
                var told = clock.Next();
                if (policy.DateOf(told) > request.DueOn)
                {
                    told = At(request.DueOn, 9);
                }
                Must(request.Extend(handler, told, _random.NextDouble() < 0.5 ? ExtensionReason.Complexity : ExtensionReason.NumberOfRequests,
                    "Het verzoek raakt veel systemen; wij hebben de betrokkene geïnformeerd over de verlenging.", policy.DateOf(told), deadline.ExtendedDueOn));
            }
            if (plan.Scenario == Scenario.Rejected)
            {
                var ground = Pick<RequestRefusalGround>([RequestRefusalGround.ManifestlyUnfounded, RequestRefusalGround.Excessive]);
                var processing = plan.Subject.ProcessingPurposes(_active);
                // A consent withdrawal or an objection reaching direct marketing is never refused (ADR 0023): the subject withdraws it instead.
                if (!WholeRequestRefusalRules.AllowedGrounds(request.Type, processing).Contains(ground))
                {
                    Must(request.Withdraw(handler, clock.End, "De betrokkene heeft het verzoek ingetrokken.", policy.DateOf(clock.End)));
                    return request;
                }
                Must(request.ProposeRejection(handler, clock.Next(), new RefusalProposal(ground,
                    "Het verzoek herhaalt eerdere verzoeken die volledig zijn beantwoord; wij weigeren het op grond van AVG art. 12 lid 5.",
                    Demonstration: "Drie gelijke verzoeken in vier weken, elk volledig beantwoord; zie de eerdere dossiers van deze betrokkene."), processing));
                Must(request.Approve(lead, clock.Next(), "Akkoord met de weigering."));
                Must(request.Reject(handler, clock.End));
                return request;
            }

            var purposes = plan.Subject.ProcessingPurposes(_active);
            if (request.Type == RequestType.ConsentWithdrawal)
            {
                // The subject withdraws every consent they gave (no random draw, so the rest of the demo data stays as it was).
                var consent = DataSubjectRequest.ConsentWithdrawalCandidates(purposes).Select(p => p.Id).ToList();
                Must(request.ChooseConsentWithdrawalPurposes(handler, clock.Next(), consent, consent));
                if (consent.Count == 0)
                {
                    // A subject whose consents have all lapsed by now has nothing to decide: the case stays open, never "answered" without a decision.
                    return request;
                }
            }
            var working = plan.Scenario is Scenario.InProgress or Scenario.InProgressDueSoon or Scenario.InProgressOverdue or Scenario.InProgressExtended;
            var decideAll = !working || _random.NextDouble() < 0.3;
            var toDecide = decideAll ? purposes : [.. purposes.Where(_ => _random.NextDouble() < 0.5)];
            var asked = request.PurposesAskedAbout(purposes).ToHashSet();
            foreach (var purpose in toDecide.Where(asked.Contains))
            {
                Decide(request, plan.Subject, purpose, handler, clock.Next());
            }
            if (working)
            {
                return request;
            }

            var closing = plan.Scenario is Scenario.RespondedOnTime or Scenario.RespondedLate;
            if (request.RequiresRecipientNotifications)
            {
                var planned = Must(request.PlanRecipientNotifications(handler, clock.Next(), PlannedRecipients(request, purposes)));
                if (closing || plan.Scenario == Scenario.Approved)
                {
                    foreach (var notification in planned)
                    {
                        Must(request.MarkRecipientNotified(handler, notification.Id, clock.Next()));
                    }
                }
            }
            if (request.Type == RequestType.Restriction && request.CurrentDecisions.Any(d => d.IsCarriedOut))
            {
                Must(request.ApplyRestriction(handler, clock.Next()));
            }
            if (request.Type == RequestType.AutomatedDecisionReview && request.CurrentDecisions.Any(d => d.IsCarriedOut))
            {
                // Art. 22(3): the human review is on record before the answer goes for approval.
                Must(request.RecordAutomatedDecisionReview(handler, clock.Next(), new AutomatedDecisionReviewDraft(
                    "Geautomatiseerde beoordeling van de kredietaanvraag",
                    "De betrokkene stelt dat de beoordeling uitging van verouderde inkomensgegevens.",
                    AutomatedDecisionReviewOutcome.Upheld, null,
                    "Met de actuele inkomensgegevens komt de beoordeling op dezelfde uitkomst; het besluit blijft gehandhaafd.")));
            }
            Must(request.SubmitForApproval(handler, clock.Next(), purposes.Select(p => p.Id)));
            if (plan.Scenario == Scenario.AwaitingApproval)
            {
                return request;
            }
            Must(request.Approve(lead, clock.Next(), _random.NextDouble() < 0.3 ? "Akkoord." : null));
            if (plan.Scenario == Scenario.Approved)
            {
                return request;
            }
            Must(request.MarkResponded(handler, clock.End));
            return request;
        }

        private void VerifyIdentity(DataSubjectRequest request, Actor handler, StepClock clock, bool idCopy)
        {
            if (!idCopy)
            {
                Must(request.RecordIdentityVerification(handler, clock.Next(),
                    Pick<IdentityVerificationMethod>([IdentityVerificationMethod.KnownChannel, IdentityVerificationMethod.CustomerPortalLogin, IdentityVerificationMethod.SecurityQuestions]),
                    IdentityVerificationOutcome.Verified));
                return;
            }
            var asked = clock.Next();
            Must(request.RequestIdentityVerification(handler, asked, "Kopie identiteitsbewijs met afgeschermd BSN en pasfoto."));
            var checkedAt = clock.Next();
            var verification = Must(request.RecordIdentityVerification(handler, checkedAt, IdentityVerificationMethod.IdDocumentCopy,
                IdentityVerificationOutcome.Verified, "BSN en pasfoto afgeschermd ontvangen.", new IdCopyMasking(true, true),
                asked + (checkedAt - asked) / 2));
            Must(request.ConfirmIdCopyDeleted(handler, verification.Id, clock.Next()));
        }

        /// <summary>The decision the rules engine points to; where the law leaves it to the officer, the reading that keeps what must stay.</summary>
        private void Decide(DataSubjectRequest request, DataSubject subject, Purpose purpose, Actor handler, DateTimeOffset at)
        {
            var assessment = RightsEngine.AssessPurpose(request.Type, subject, purpose, policy.DateOf(at));
            var portable = request.Type == RequestType.Portability
                ? purpose.DataCategories.Where(c => c.Origin is DataOrigin.ProvidedBySubject or DataOrigin.ObservedFromUse).Select(c => c.Name).ToList()
                : null;
            var reasons = assessment.Reason.In(request.Language);
            var proposals = new List<ProposedDecision>();
            switch (assessment.Requirement)
            {
                case Requirement.Comply:
                    proposals.Add(ProposedDecision.Comply(purpose.Id, portable));
                    break;
                case Requirement.PartiallyComply:
                    proposals.Add(ProposedDecision.PartiallyComply(purpose.Id, assessment.RemainingBases, reasons, portable));
                    break;
                case Requirement.NotApplicable:
                    proposals.Add(ProposedDecision.NotApplicable(purpose.Id, reasons));
                    break;
                default:
                    if (assessment.RemainingBases.Count > 0)
                    {
                        proposals.Add(ProposedDecision.PartiallyComply(purpose.Id, assessment.RemainingBases, reasons, portable));
                    }
                    proposals.Add(ProposedDecision.Comply(purpose.Id, portable));
                    break;
            }
            proposals.Add(ProposedDecision.NotApplicable(purpose.Id, reasons));
            foreach (var proposal in proposals)
            {
                if (DecisionRecording.Record(request, purpose, assessment, proposal, handler, at).IsSuccess)
                {
                    return;
                }
            }
            // Nothing the engine accepts (e.g. portability of a purpose with no provided data): recorded as the officer would note it.
            Must(request.RecordDecision(handler, at, new PurposeDecisionDraft(purpose.Id, PurposeDecisionOutcome.NotApplicable, null, null, null, reasons)));
        }

        private static List<PlannedRecipient> PlannedRecipients(DataSubjectRequest request, IReadOnlyList<Purpose> purposes)
        {
            var carriedOut = request.CurrentDecisions.Where(d => d.IsCarriedOut).Select(d => d.PurposeId).ToHashSet();
            return
            [
                .. purposes.Where(p => carriedOut.Contains(p.Id))
                    .SelectMany(p => p.Recipients.Where(r => r.Kind != RecipientKind.Internal)
                        .Select(r => new PlannedRecipient(r.Name, NotificationRecipientKind.External, p.Id))),
            ];
        }

        private RequestReference NextReference(int year)
        {
            var next = _sequences.GetValueOrDefault(year) + 1;
            _sequences[year] = next;
            return RequestReference.Create(year, next).Value;
        }

        private string UniqueEmail(string name)
        {
            var local = Ascii(name).ToLowerInvariant().Replace(" ", ".", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
            var domain = Pick(Domains);
            var email = $"{local}@{domain}";
            for (var i = 2; !_emails.Add(email); i++)
            {
                email = string.Create(CultureInfo.InvariantCulture, $"{local}{i}@{domain}");
            }
            return email;
        }

        private static string Ascii(string text)
        {
            var builder = new StringBuilder();
            foreach (var c in text.Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }
                builder.Append(c switch { 'ø' => 'o', 'Ø' => 'O', 'ı' => 'i', _ => c });
            }
            return builder.ToString();
        }

        /// <summary>A moment on the controller's wall clock.</summary>
        private DateTimeOffset At(DateOnly date, int hour, int minute = 0)
        {
            var local = date.ToDateTime(new TimeOnly(hour, minute));
            return new DateTimeOffset(local, policy.TimeZone.GetUtcOffset(local));
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private void Shuffle<T>(List<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

        private static void Must(Result result)
        {
            if (result.IsFailure)
            {
                throw new InvalidOperationException("Demo data broke a domain rule: " + string.Join(", ", result.Errors));
            }
        }

        private static T Must<T>(Result<T> result)
        {
            Must((Result)result);
            return result.Value;
        }
    }

    /// <summary>Hands out moments between a start and an end, a little later each time, never past the end.</summary>
    private sealed class StepClock(DateTimeOffset start, DateTimeOffset end)
    {
        private DateTimeOffset _current = start < end ? start : end.AddMinutes(-30);

        public DateTimeOffset End { get; } = end;

        public DateTimeOffset Next()
        {
            // A twelfth of what is left: steps bunch up towards the end without ever reaching it.
            _current += (End - _current) / 12;
            return _current;
        }
    }
}
