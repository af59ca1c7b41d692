using PrivacyDesk.Documents.Layout;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;

namespace PrivacyDesk.Documents.Letters;

/// <summary>
/// The answer to a request (document 5): per purpose that processes the subject's data, the decision
/// that stands, in plain words with its legal ground, what stays and until when; the enclosure or
/// transfer where the right has one; the recipients when asked; and what the subject can do next.
/// </summary>
internal static class ResponseLetter
{
    public static Result<RenderedDocument> Render(CaseDocumentInput input, LetterText text)
    {
        var request = input.Request;
        // A request refused as a whole is answered by the refusal letter, not by a response.
        if (request.Refusal is not null)
        {
            return CaseLetters.NotAvailable(DocumentKind.Response, "no refusal");
        }
        var outcomes = Outcomes(input, text);
        // Purposes process the subject's data but none is decided yet: there is no answer to send.
        if (outcomes.Count == 0 && input.Purposes.Count > 0)
        {
            return CaseLetters.NotAvailable(DocumentKind.Response, "decisions");
        }
        var groups = Group(outcomes, text);
        return CaseLetters.Ok(LetterLayout.Render(
            DocumentKind.Response, input, text, CaseLetters.SubjectAddressee(input), text.Salutation(input.Subject),
            text.ResponseSubject(request.Type), body =>
            {
                var received = text.Received(text.Date(request.ReceivedOn), request.Type);
                var summary = request.Type == RequestType.Erasure
                    ? text.ErasureSummary(outcomes.Any(o => o.Kind == OutcomeKind.Erased), outcomes.Any(o => o.Kind == OutcomeKind.Kept), outcomes.Any(o => o.Kind == OutcomeKind.NotGranted))
                    : "";
                // An erasure says first what was done and what is kept; then what that means per purpose.
                body.Paragraph(received + " " + (outcomes.Count == 0 ? text.ResponseNoData : summary.Length > 0 ? summary : text.ResponseIntro));
                // With nothing found there is nothing enclosed, sent or restricted to speak of.
                foreach (var paragraph in outcomes.Count == 0 ? [] : TypeParagraphs(input, text))
                {
                    body.Paragraph(paragraph);
                }
                if (groups.Count > 0)
                {
                    // One sentence per outcome, the purposes it is true for listed under it; the heading stays with the first group.
                    body.Item().Column(block =>
                    {
                        block.Spacing(6);
                        block.Item().ShowEntire().Column(head =>
                        {
                            head.Spacing(4);
                            head.Item().Text(t => t.Span(text.OutcomeHeading).Bold().FontColor(Colors.Accent));
                            OutcomeGroup(head.Item(), groups[0], text);
                        });
                        foreach (var group in groups.Skip(1))
                        {
                            OutcomeGroup(block.Item(), group, text);
                        }
                    });
                }
                // Art. 22(3): what the recorded human review found, and only that; without a record the letter claims no review.
                if (request.Type == RequestType.AutomatedDecisionReview && request.AutomatedDecisionReview is { } review && outcomes.Count > 0)
                {
                    body.Section(text.ReviewHeading, section => section.Item().Text(text.ReviewedBy(text.Date(review.ReviewedAt), review.ReviewerName, review.DecisionReference)));
                    body.Facts((text.ReviewOutcomeLabel, text.ReviewOutcome(review.Outcome)));
                    if (review.NewOutcome is { } changedTo)
                    {
                        body.Quote(text.ReviewNewOutcomeLabel, changedTo);
                    }
                    body.Quote(text.Explanation + ":", review.Explanation);
                    body.Paragraph(text.ReviewContest);
                }
                SourceChangesInLetter.Write(body, input, text);
                var listsRecipients = request.DisclosesRecipients && input.Purposes.Count > 0;
                // With nobody notified and the recipients listed below, "ask us who they are" would contradict the list.
                if (request.RequiresRecipientNotifications && outcomes.Count > 0 && !(listsRecipients && request.RecipientNotifications.Count == 0))
                {
                    RecipientsInformed(body, input, text);
                }
                if (listsRecipients)
                {
                    body.Section(text.RecipientsHeading, text.RecipientsIntro);
                    body.Item().List(list =>
                    {
                        list.Spacing(4);
                        foreach (var purpose in input.Purposes)
                        {
                            var recipients = input.Assessment.For(purpose.Id)?.Recipients is { Count: > 0 } assessed ? assessed : purpose.Recipients;
                            list.Item().Text(t =>
                            {
                                t.Span(purpose.Name.In(text.Language) + ": ").Bold();
                                t.Span(recipients.Count == 0
                                    ? text.NoRecipients
                                    : string.Join("; ", recipients.Select(r => $"{r.Name} ({text.RecipientKindLabel(r.Kind)}, {r.Country})")));
                            });
                        }
                    });
                }
            }, RightsBlock.AfterDecision));
    }

    /// <summary>What an outcome means for the subject, for the summary sentence: erased, kept under a legal duty, or anything else.</summary>
    internal enum OutcomeKind
    {
        Erased,
        Kept,
        /// <summary>Refused, or complied with in part without a retention duty: the request was not granted for this purpose.</summary>
        NotGranted,
        Other,
    }

    /// <summary>
    /// One purpose's outcome: its name, the sentence that introduces every purpose with the same outcome (a full sentence,
    /// or a fragment such as "gewist" that <see cref="LetterText.GroupIntro"/> capitalises), its legal references and the officer's note.
    /// </summary>
    internal sealed record PurposeOutcome(string Purpose, string Sentence, bool IsFullSentence, IReadOnlyList<string?> References, string? Note, OutcomeKind Kind);

    /// <summary>Purposes with the same outcome and ground under one sentence, in the order their first purpose has.</summary>
    internal sealed record OutcomeGroupText(string Intro, IReadOnlyList<(string Purpose, string? Note)> Purposes);

    internal static List<PurposeOutcome> Outcomes(CaseDocumentInput input, LetterText text)
    {
        var order = input.Purposes.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return
        [
            .. input.Request.CurrentDecisions
                .OrderBy(d => order.TryGetValue(d.PurposeId, out var i) ? i : int.MaxValue)
                .Select(d => Outcome(input, d, text)),
        ];
    }

    internal static List<OutcomeGroupText> Group(IReadOnlyList<PurposeOutcome> outcomes, LetterText text) =>
    [
        // What was done first, then what is kept, then the rest; within each, the register's order.
        .. outcomes.GroupBy(o => (o.Sentence, o.IsFullSentence)).OrderBy(group => group.First().Kind).Select(group =>
        {
            var references = text.Legal(group.SelectMany(o => o.References));
            var intro = group.Key.IsFullSentence
                ? group.Key.Sentence.TrimEnd(':') + (references.Length > 0 ? " (" + references + ")" : "") + ":"
                : text.GroupIntro(group.Key.Sentence, references);
            return new OutcomeGroupText(intro, [.. group.Select(o => (o.Purpose, o.Note))]);
        }),
    ];

    private static PurposeOutcome Outcome(CaseDocumentInput input, PurposeDecision decision, LetterText text)
    {
        var type = input.Request.Type;
        var purpose = input.Purposes.FirstOrDefault(p => p.Id == decision.PurposeId);
        var assessment = input.Assessment.For(decision.PurposeId);
        var name = CaseLetters.PurposeName(input, decision.PurposeId, text);
        var references = new List<string?> { decision.GroundReference };

        if (type == RequestType.Erasure && decision.Outcome != PurposeDecisionOutcome.Comply && assessment?.RetentionProvision is { Length: > 0 } provision)
        {
            // gdpr-rules §2: the letter names the provision and the end date of what stays; a partial erasure says what stopped, not "refused".
            // The national provision that obliges keeping, then the GDPR exception it makes (17(3)(b)), in one bracket.
            var cited = LegalReferences.Glue(provision) + "; " + text.Legal("AVG art. 17(3)(b)");
            var until = assessment.RetainUntil is { } date ? text.Date(date) : null;
            var sentence = decision.Outcome == PurposeDecisionOutcome.PartiallyComply
                ? until is null ? text.StoppedKeptWhileRetention(cited) : text.StoppedKeptUntil(until, cited)
                : until is null ? text.KeptWhileRetentionNotErased(cited) : text.KeptUntilNotErased(until, cited);
            return new PurposeOutcome(name, sentence, true, [], decision.Note, OutcomeKind.Kept);
        }
        var plainComply = decision.Outcome == PurposeDecisionOutcome.Comply
            && !(type == RequestType.Portability && input.Request.ThirdParty is not null)
            && !(type == RequestType.Objection && assessment is { RemainingBases.Count: > 0 })
            && !(type == RequestType.AutomatedDecisionReview && input.Request.AutomatedDecisionReview is null);
        if (plainComply)
        {
            return new PurposeOutcome(name, text.CompliedFor(type), true, references, decision.Note,
                type == RequestType.Erasure ? OutcomeKind.Erased : OutcomeKind.Other);
        }
        var fragment = decision.Outcome switch
        {
            PurposeDecisionOutcome.Comply => type == RequestType.Portability && input.Request.ThirdParty is { } third
                ? text.SentTo(third.Name)
                // 21(1) stops only the (e)/(f) part: never "processing has stopped" while (c) or another basis carries on.
                : type == RequestType.Objection && assessment is { RemainingBases.Count: > 0 }
                    ? text.PartlyComplied(type, Remaining(decision, assessment, purpose, text))
                    : type == RequestType.AutomatedDecisionReview && input.Request.AutomatedDecisionReview is null
                        ? text.ReviewNotRecorded
                        : text.Complied(type),
            PurposeDecisionOutcome.PartiallyComply => text.PartlyComplied(type, Remaining(decision, assessment, purpose, text)),
            PurposeDecisionOutcome.Refuse => text.Refused(type, decision.RefusalGround is { } ground ? text.DecisionGround(ground) : text.NotApplicable(type)),
            _ => text.NotApplicable(type),
        };
        var kind = decision.Outcome is PurposeDecisionOutcome.Refuse or PurposeDecisionOutcome.PartiallyComply ? OutcomeKind.NotGranted : OutcomeKind.Other;
        return new PurposeOutcome(name, fragment, false, references, decision.Note, kind);
    }

    /// <summary>The bases processing continues on: named from the assessment, else as the officer recorded them.</summary>
    private static string Remaining(PurposeDecision decision, PurposeAssessment? assessment, Purpose? purpose, LetterText text)
    {
        if (assessment is { RemainingBases.Count: > 0 })
        {
            return string.Join(", ", assessment.RemainingBases.Select(kind => text.BasisLabel(kind, purpose?.Basis(kind)?.LegalProvision)));
        }
        return text.Legal(decision.RemainingBasis);
    }

    private static void OutcomeGroup(Container container, OutcomeGroupText group, LetterText text) =>
        container.Column(column =>
        {
            column.Spacing(3);
            column.Item().Text(group.Intro);
            column.Item().List(list =>
            {
                list.Spacing(2);
                foreach (var (purpose, note) in group.Purposes)
                {
                    list.Item().Text(t =>
                    {
                        t.Span(purpose).Bold();
                        if (!string.IsNullOrWhiteSpace(note))
                        {
                            t.Span("\n" + text.Explanation + ": ").Italic().FontColor(Colors.Muted);
                            t.Span(LetterBody.Shorten(note, text)).Italic();
                        }
                    });
                }
            });
        });

    /// <summary>
    /// Art. 19: after rectification, erasure or restriction the answer names the recipients told (or being told), those exempted
    /// and why; with no notifications on the case, the subject's right to ask who the recipients are.
    /// </summary>
    private static void RecipientsInformed(LetterBody body, CaseDocumentInput input, LetterText text)
    {
        var type = input.Request.Type;
        var notifications = input.Request.RecipientNotifications;
        var sent = notifications.Where(n => n.Status == RecipientNotificationStatus.Sent).Select(n => n.RecipientName).Distinct().ToList();
        var open = notifications.Where(n => n.Status == RecipientNotificationStatus.Open).Select(n => n.RecipientName).Distinct().ToList();
        var exempt = notifications.Where(n => n.Status is RecipientNotificationStatus.Impossible or RecipientNotificationStatus.Disproportionate)
            .Select(n => $"{n.RecipientName} ({text.RecipientExemption(n.Status)})").Distinct().ToList();
        var erasedOrChanged = input.Request.CurrentDecisions.Where(d => d.IsCarriedOut).Select(d => d.PurposeId).ToHashSet();
        var anyRecipients = input.Purposes.Where(p => erasedOrChanged.Contains(p.Id)).Any(p => p.Recipients.Any(r => r.Kind != RecipientKind.Internal));
        body.Section(notifications.Count == 0 ? text.RecipientsOfYourData : text.RecipientsNotifiedHeading, section =>
        {
            section.Spacing(4);
            if (notifications.Count == 0)
            {
                section.Item().Text(anyRecipients || erasedOrChanged.Count == 0 ? text.RecipientsRightToAsk : text.RecipientsNone);
                return;
            }
            foreach (var (intro, names) in new[] { (text.RecipientsNotified(type), sent), (text.RecipientsToNotify(type), open), (text.RecipientsNotInformed, exempt) })
            {
                if (names.Count > 0)
                {
                    section.Item().Text(intro);
                    section.Item().List(list =>
                    {
                        list.Spacing(2);
                        foreach (var name in names)
                        {
                            list.Item().Text(name);
                        }
                    });
                }
            }
        });
    }

    private static IEnumerable<string> TypeParagraphs(CaseDocumentInput input, LetterText text)
    {
        var request = input.Request;
        switch (request.Type)
        {
            case RequestType.Access:
                yield return text.AccessEnclosed;
                break;
            case RequestType.Portability:
                yield return request.ThirdParty is { } third ? text.PortabilitySent(third.Name, third.Email) : text.PortabilityEnclosed;
                break;
            case RequestType.Restriction:
                yield return text.RestrictionMeaning;
                break;
            case RequestType.ConsentWithdrawal:
                yield return text.ConsentEarlierLawful;
                break;
            case RequestType.AutomatedDecisionReview when request.AutomatedDecisionReview is null:
                yield return text.AutomatedReviewPending;
                break;
        }
    }
}
