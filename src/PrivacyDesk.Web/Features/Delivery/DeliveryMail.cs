using System.Globalization;
using PrivacyDesk.Data.Mail;

namespace PrivacyDesk.Web.Features.Delivery;

/// <summary>
/// The delivery e-mail in the request's language: that the answer is ready, the link, until when it holds, the reference,
/// and whom to contact. No name, no outcome, no data (Art. 32: the e-mail may be read by others on its way); the documents
/// are attached only when the office chose attachment delivery for the case.
/// </summary>
public static class DeliveryMail
{
    public static MailDraft Compose(
        string to, string language, string reference, string link, DateTimeOffset expiresAtLocal, string? firmName, string? firmEmail,
        Guid requestId, IReadOnlyList<Guid>? attachments)
    {
        var en = language == "en";
        var culture = CultureInfo.GetCultureInfo(en ? "en-GB" : "nl-NL");
        var firm = string.IsNullOrWhiteSpace(firmName) ? (en ? "our privacy office" : "ons privacyteam") : firmName;
        var until = expiresAtLocal.ToString("d MMMM yyyy", culture);
        var attached = attachments is { Count: > 0 };
        var subject = en ? $"Our answer to your request {reference}" : $"Ons antwoord op uw verzoek {reference}";
        var contact = string.IsNullOrWhiteSpace(firmEmail) ? "" : en ? $" or write to {firmEmail}" : $" of schrijf naar {firmEmail}";
        var body = en
            ? "Dear Sir or Madam,\n\n" +
              $"Our answer to your privacy request {reference} is ready.\n\n" +
              (attached
                  ? "As agreed, the documents are attached to this e-mail. You can also download them through this secure link:\n\n"
                  : "For your privacy we do not send it by e-mail. You can download it through this secure link:\n\n") +
              $"    {link}\n\n" +
              $"The link is valid until {until}. When you open it, we send a one-time code to this e-mail address; " +
              "only with that code can the documents be opened.\n\n" +
              $"Did you not make this request, or does the link not work? Reply to this e-mail{contact}.\n\n" +
              $"Kind regards,\n{firm}"
            : "Geachte heer, mevrouw,\n\n" +
              $"Ons antwoord op uw privacyverzoek {reference} staat klaar.\n\n" +
              (attached
                  ? "Zoals afgesproken zijn de documenten bij deze e-mail gevoegd. U kunt ze ook downloaden via deze beveiligde link:\n\n"
                  : "Om uw privacy te beschermen sturen we het niet per e-mail mee. U kunt het downloaden via deze beveiligde link:\n\n") +
              $"    {link}\n\n" +
              $"De link is geldig tot en met {until}. Als u de link opent, sturen we een eenmalige code naar dit e-mailadres; " +
              "alleen met die code gaan de documenten open.\n\n" +
              $"Heeft u dit verzoek niet gedaan, of werkt de link niet? Beantwoord dan deze e-mail{contact}.\n\n" +
              $"Met vriendelijke groet,\n{firm}";
        return new MailDraft(MailKinds.ResponseDelivery, to, en ? "en" : "nl", subject, body, RequestId: requestId, AttachmentDocumentIds: attachments);
    }
}
