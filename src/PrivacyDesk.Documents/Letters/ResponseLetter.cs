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
        return CaseLetters.Ok(LetterLayout.Render(
            DocumentKind.Response, input, text, CaseLetters.SubjectAddressee(input), text.Salutation(input.Subject.FullName),
            text.ResponseSubject(request.Type), body =>
            {
                var received = text.Received(text.Date(request.ReceivedOn), request.Type);
                body.Paragraph(received + " " + (outcomes.Count == 0 ? text.ResponseNoData : text.ResponseIntro));
                // With nothing found there is nothing enclosed, sent or restricted to speak of.
                foreach (var paragraph in outcomes.Count == 0 ? [] : TypeParagraphs(input, text))
                {
                    body.Paragraph(paragraph);
                }
                if (outcomes.Count > 0)
                {
                    // The heading stays with the first purpose; each purpose is its own item so a long list splits between purposes.
                    body.Item().Column(block =>
                    {
                        block.Spacing(5);
                        block.Item().ShowEntire().Column(head =>
                        {
                            head.Spacing(4);
                            head.Item().Text(t => t.Span(text.OutcomeHeading).Bold().FontColor(Colors.Accent));
                            head.Item().List(list => Outcome(list, outcomes[0], text));
                        });
                        foreach (var outcome in outcomes.Skip(1))
                        {
                            block.Item().List(list => Outcome(list, outcome, text));
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
                if (request.DisclosesRecipients && input.Purposes.Count > 0)
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

    /// <summary>One purpose's line: its name in bold, what was done, the legal ground, and the officer's explanation.</summary>
    internal sealed record PurposeOutcome(string Purpose, string Sentence, string References, string? Note);

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

    private static PurposeOutcome Outcome(CaseDocumentInput input, PurposeDecision decision, LetterText text)
    {
        var type = input.Request.Type;
        var purpose = input.Purposes.FirstOrDefault(p => p.Id == decision.PurposeId);
        var assessment = input.Assessment.For(decision.PurposeId);
        var name = CaseLetters.PurposeName(input, decision.PurposeId, text);
        var references = new List<string?> { decision.GroundReference };

        string sentence;
        if (type == RequestType.Erasure && decision.Outcome != PurposeDecisionOutcome.Comply && assessment?.RetentionProvision is { Length: > 0 } provision)
        {
            // gdpr-rules §2: the letter names the provision and the end date of what stays.
            sentence = assessment.RetainUntil is { } until ? text.KeptUntil(text.Date(until), provision) : text.KeptWhileRetention(provision);
            references.Insert(0, "AVG art. 17(3)(b)");
        }
        else
        {
            sentence = decision.Outcome switch
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
        }
        return new PurposeOutcome(name, sentence, text.Legal(references), decision.Note);
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

    private static void Outcome(ListDescriptor list, PurposeOutcome outcome, LetterText text) =>
        list.Item().Text(t =>
        {
            t.Span(outcome.Purpose + ": ").Bold();
            t.Span(outcome.Sentence);
            if (outcome.References.Length > 0)
            {
                t.Span(" (" + outcome.References + ")").FontColor(Colors.Muted);
            }
            t.Span(".");
            if (!string.IsNullOrWhiteSpace(outcome.Note))
            {
                t.Span("\n" + text.Explanation + ": ").Italic().FontColor(Colors.Muted);
                t.Span(LetterBody.Shorten(outcome.Note, text)).Italic();
            }
        });

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
        if (request.RecipientNotifications.Any(n => n.Status == RecipientNotificationStatus.Sent))
        {
            yield return text.RecipientsInformed;
        }
    }
}
