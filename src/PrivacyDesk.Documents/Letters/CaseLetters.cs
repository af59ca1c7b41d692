using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Documents.Letters;

/// <summary>
/// The letters of a case (documents 1–8 of issue 5), each rendered from the case's data in Dutch or
/// English. A letter the case does not support now (no extension, no fee, no refusal, not a
/// restriction) is a coded failure, never an empty or invented letter.
/// </summary>
public static class CaseLetters
{
    public static Result<RenderedDocument> Render(DocumentKind kind, CaseDocumentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = new LetterText(input.Language, input.TimeZone);
        return kind switch
        {
            DocumentKind.Acknowledgement => Ok(Acknowledgement(input, text)),
            DocumentKind.IdentityVerificationRequest => Ok(IdentityVerificationRequest(input, text)),
            DocumentKind.ExtensionNotice => ExtensionNotice(input, text),
            DocumentKind.FeeNotice => FeeNoticeLetter(input, text),
            DocumentKind.Response => ResponseLetter.Render(input, text),
            DocumentKind.Refusal => RefusalLetter(input, text),
            DocumentKind.RecipientNotification => RecipientNotificationLetter(input, text),
            DocumentKind.RestrictionLiftNotice => RestrictionLiftNotice(input, text),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a letter."),
        };
    }

    internal static Result<RenderedDocument> Ok(RenderedDocument document) => Result<RenderedDocument>.Of(document);

    /// <summary><c>document.not_available</c>, saying which letter and what the case lacks (for the log and the UI).</summary>
    internal static Result<RenderedDocument> NotAvailable(DocumentKind kind, string missing) =>
        Result<RenderedDocument>.Failure(DocumentErrors.NotAvailable with
        {
            Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = kind.ToString(), ["missing"] = missing },
        });

    /// <summary>The subject as the letter addresses them: full name and the first e-mail address.</summary>
    internal static LetterAddressee SubjectAddressee(CaseDocumentInput input) =>
        new(input.Subject.FullName, input.Subject.EmailAddresses.Take(1).ToList());

    internal static string ContactLine(CaseDocumentInput input, LetterText text) =>
        text.Contact(input.Controller.Email, input.Controller.Phone, OfficeHours(input, text));

    internal static string OfficeHours(CaseDocumentInput input, LetterText text) =>
        input.Controller.OfficeHours.Describe(DocumentFormat.Culture(text.Language));

    private static RenderedDocument Acknowledgement(CaseDocumentInput input, LetterText text)
    {
        var request = input.Request;
        return LetterLayout.Render(
            DocumentKind.Acknowledgement, input, text, SubjectAddressee(input), text.Salutation(input.Subject),
            text.AcknowledgementSubject(request.Type), body =>
            {
                body.Paragraph(text.Received(text.Date(request.ReceivedOn), request.Type) + " " + text.AcknowledgementThanks(request.Reference.ToString()));
                body.Section(text.YouWrote, section => LetterBody.Quote(section.Item(), request.Description, text));
                if (request.ThirdParty is { } third)
                {
                    body.Paragraph(text.ThirdPartyAsked(third.Name, third.Email));
                }
                body.Section(text.WhenHeading, text.Deadline(text.Date(request.EffectiveDueOn)));
                if (request.Extension is null)
                {
                    body.Paragraph(text.ExtensionPossible(text.Date(request.DueOn)));
                }
                var verified = request.LatestIdentityVerification is { Outcome: IdentityVerificationOutcome.Verified } check ? check : null;
                body.Section(text.IdentityHeading, text.IdentityWhy);
                body.Paragraph(verified is null
                    ? text.IdentityMayAsk
                    : text.IdentityEstablished(text.IdentityMethod(verified.Method), text.Date(verified.VerifiedAt)));
                body.Section(text.QuestionsHeading, ContactLine(input, text));
            });
    }

    private static RenderedDocument IdentityVerificationRequest(CaseDocumentInput input, LetterText text)
    {
        var request = input.Request;
        var controller = input.Controller;
        return LetterLayout.Render(
            DocumentKind.IdentityVerificationRequest, input, text, SubjectAddressee(input), text.Salutation(input.Subject),
            text.IdentitySubject(request.Type), body =>
            {
                body.Paragraph(text.Received(text.Date(request.ReceivedOn), request.Type) + " " + text.IdentityReason);
                body.Section(text.IdentityNeededHeading, section => section.Item().List(list =>
                {
                    list.Spacing(3);
                    list.Item().Text(text.IdentityNeededCopy(controller.Email));
                    list.Item().Text(text.IdentityNeededInPerson(OfficeHours(input, text)));
                }));
                body.Section(text.MaskHeading, section => section.Item().List(list =>
                {
                    list.Spacing(3);
                    foreach (var step in text.MaskSteps(controller.Name))
                    {
                        list.Item().Text(step);
                    }
                }));
                body.Paragraph(text.MaskRefused + " " + text.CopyDeleted);
                body.Section(text.IdentityDeadlineHeading, text.IdentityDeadline(text.Date(request.EffectiveDueOn)));
                body.Section(text.QuestionsHeading, ContactLine(input, text));
            });
    }

    private static Result<RenderedDocument> ExtensionNotice(CaseDocumentInput input, LetterText text)
    {
        var request = input.Request;
        if (request.Extension is not { } extension)
        {
            return NotAvailable(DocumentKind.ExtensionNotice, "extension");
        }
        return Ok(LetterLayout.Render(
            DocumentKind.ExtensionNotice, input, text, SubjectAddressee(input), text.Salutation(input.Subject),
            text.ExtensionSubject(request.Type), body =>
            {
                body.Paragraph(text.Received(text.Date(request.ReceivedOn), request.Type) + " " + text.ExtensionIntro(text.Date(request.DueOn)));
                body.Facts(
                    (text.OriginalDeadline, text.Date(request.DueOn)),
                    (text.NewDeadline, text.Date(extension.ExtendedDueOn)),
                    (text.Reason, text.ExtensionReasonText(extension.Reason)));
                body.Quote(text.ExtensionExplanationIntro, extension.Explanation);
                body.Paragraph(text.ExtensionPromise(text.Date(extension.ExtendedDueOn)));
                body.Section(text.QuestionsHeading, ContactLine(input, text));
            }));
    }

    private static Result<RenderedDocument> FeeNoticeLetter(CaseDocumentInput input, LetterText text)
    {
        var request = input.Request;
        if (request.Fee is not { } fee)
        {
            return NotAvailable(DocumentKind.FeeNotice, "fee");
        }
        var reference = request.Reference.ToString();
        return Ok(LetterLayout.Render(
            DocumentKind.FeeNotice, input, text, SubjectAddressee(input), text.Salutation(input.Subject),
            text.FeeSubject(request.Type), body =>
            {
                body.Paragraph(text.Received(text.Date(request.ReceivedOn), request.Type) + " " + text.FeeIntro(fee.Reason, fee.CopyNumber));
                if (fee.Reason != FeeReason.AdditionalCopy && !string.IsNullOrWhiteSpace(fee.Demonstration))
                {
                    body.Quote(fee.Demonstration);
                }
                body.Facts((text.FeeAmount, text.Amount(fee.AmountInCents)), (text.FeeGround, text.FeeReasonLabel(fee.Reason)));
                body.Section(text.FeeChoiceHeading, text.FeePay(input.Controller.Email, reference));
                body.Paragraph(text.FeeWithdraw(input.Controller.Email, reference));
            }, RightsBlock.AfterDecision));
    }

    private static Result<RenderedDocument> RefusalLetter(CaseDocumentInput input, LetterText text)
    {
        var request = input.Request;
        // Before approval the letter is drafted from the proposed refusal, so the team lead reviews the real letter.
        if ((request.Refusal ?? request.ProposedRefusal) is not { } refusal)
        {
            return NotAvailable(DocumentKind.Refusal, "refusal");
        }
        var references = LetterText.RefusalGroundReferences(refusal.Ground, request.Type).Append(refusal.LegalReference);
        return Ok(LetterLayout.Render(
            DocumentKind.Refusal, input, text, SubjectAddressee(input), text.Salutation(input.Subject),
            text.RefusalSubject(request.Type), body =>
            {
                body.Paragraph(text.Received(text.Date(request.ReceivedOn), request.Type) + " " + text.RefusalIntro);
                body.Section(text.RefusalWhyHeading, text.RefusalGroundText(refusal.Ground, request.Type));
                body.Quote(refusal.Explanation);
                var legal = text.Legal(references);
                if (legal.Length > 0)
                {
                    body.Facts((text.LegalGround, legal));
                }
                if (refusal.Ground == RequestRefusalGround.SubjectNotIdentified)
                {
                    body.Paragraph(text.NotIdentifiedRetry);
                }
            }, RightsBlock.AfterRefusal));
    }

    private static Result<RenderedDocument> RecipientNotificationLetter(CaseDocumentInput input, LetterText text)
    {
        var request = input.Request;
        var notification = input.RecipientNotificationId is { } id ? request.RecipientNotifications.FirstOrDefault(n => n.Id == id) : null;
        if (notification is null)
        {
            return Result<RenderedDocument>.Failure(DocumentErrors.RecipientRequired);
        }
        if (!request.RequiresRecipientNotifications)
        {
            return NotAvailable(DocumentKind.RecipientNotification, "rectification, erasure or restriction");
        }
        var purpose = PurposeName(input, notification.PurposeId, text);
        var reference = request.Reference.ToString();
        var facts = new List<(string, string)> { (text.SubjectName, input.Subject.FullName) };
        if (!string.IsNullOrWhiteSpace(input.Subject.CustomerNumber))
        {
            facts.Add((text.CustomerNumber, input.Subject.CustomerNumber));
        }
        facts.Add((text.Purpose, purpose));
        return Ok(LetterLayout.Render(
            DocumentKind.RecipientNotification, input, text, new LetterAddressee(notification.RecipientName, []), text.SalutationUnknown,
            text.NotificationSubject(request.Type), body =>
            {
                body.Paragraph(text.NotificationIntro(request.Type, purpose));
                body.Section(text.NotificationWho, text.NotificationMinimal);
                body.Facts([.. facts]);
                body.Section(text.NotificationWhatHeading, text.NotificationWhat(request.Type, input.Controller.Email));
                body.Paragraph(text.NotificationConfirm(input.Controller.Email, reference));
            }, answersTheAddressee: false));
    }

    private static Result<RenderedDocument> RestrictionLiftNotice(CaseDocumentInput input, LetterText text)
    {
        var request = input.Request;
        if (request.Type != RequestType.Restriction || request.RestrictionAppliedAt is not { } applied)
        {
            return NotAvailable(DocumentKind.RestrictionLiftNotice, "applied restriction");
        }
        // The domain records no planned lift date: the lift takes effect once recorded, never before this letter.
        var from = request.RestrictionLiftedAt ?? input.GeneratedAt;
        var restricted = request.CurrentDecisions.Where(d => d.IsCarriedOut).Select(d => PurposeName(input, d.PurposeId, text)).ToList();
        return Ok(LetterLayout.Render(
            DocumentKind.RestrictionLiftNotice, input, text, SubjectAddressee(input), text.Salutation(input.Subject),
            text.LiftSubject, body =>
            {
                body.Paragraph(text.LiftIntro(text.Date(applied)) + " " + text.LiftWhen(text.Date(from)));
                body.Section(text.LiftWhyHeading, text.LiftWhy);
                if (restricted.Count > 0)
                {
                    body.Paragraph(text.LiftPurposes);
                    body.Bullets(restricted);
                }
                body.Paragraph(text.LiftAfter);
            }, RightsBlock.AfterDecision));
    }

    /// <summary>The purpose's name in the letter's language, from the register's view or the assessment.</summary>
    internal static string PurposeName(CaseDocumentInput input, Guid purposeId, LetterText text) =>
        input.Purposes.FirstOrDefault(p => p.Id == purposeId)?.Name.In(text.Language)
        ?? input.Assessment.For(purposeId)?.PurposeName.In(text.Language)
        ?? purposeId.ToString();
}
