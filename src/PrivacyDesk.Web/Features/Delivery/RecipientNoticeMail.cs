using System.Globalization;
using PrivacyDesk.Data.Mail;

namespace PrivacyDesk.Web.Features.Delivery;

/// <summary>
/// The Art. 19 notice e-mail to a recipient organisation (ADR 0051), in the chosen language: that a notification under Art. 19
/// is ready for them, our reference, the secure link, until when it holds, and whom to contact. No subject's name, no data and
/// no attachment: the letter names the subject, so it is downloaded after a one-time code to this address, like the answer.
/// </summary>
public static class RecipientNoticeMail
{
    public static MailDraft Compose(
        string to, string language, string reference, string link, DateTimeOffset expiresAtLocal, string? firmName, string? firmEmail, Guid requestId)
    {
        var en = language == "en";
        var culture = CultureInfo.GetCultureInfo(en ? "en-GB" : "nl-NL");
        var firm = string.IsNullOrWhiteSpace(firmName) ? (en ? "our privacy office" : "ons privacyteam") : firmName;
        var until = expiresAtLocal.ToString("d MMMM yyyy", culture);
        var subject = en ? $"Notification under Art. 19 GDPR, our reference {reference}" : $"Kennisgeving op grond van art. 19 AVG, ons kenmerk {reference}";
        var contact = string.IsNullOrWhiteSpace(firmEmail) ? "" : en ? $" or write to {firmEmail}" : $" of schrijf naar {firmEmail}";
        var body = en
            ? "Dear Sir or Madam,\n\n" +
              $"You receive personal data from {firm}. Under Article 19 of the GDPR we notify you of a change to personal data we " +
              $"provided to you, following a data subject's request (our reference {reference}).\n\n" +
              "Because the notification concerns a person, we do not send it by e-mail. You can download it through this secure link:\n\n" +
              $"    {link}\n\n" +
              $"The link is valid until {until}. When you open it, we send a one-time code to this e-mail address; " +
              "only with that code can the notification be opened.\n\n" +
              $"Please carry out the change in your own records. Questions, or does the link not work? Reply to this e-mail{contact}, " +
              $"quoting {reference}.\n\n" +
              $"Kind regards,\n{firm}"
            : "Geachte heer, mevrouw,\n\n" +
              $"U ontvangt persoonsgegevens van {firm}. Op grond van artikel 19 van de AVG stellen wij u op de hoogte van een wijziging " +
              $"in persoonsgegevens die wij aan u hebben verstrekt, na een verzoek van een betrokkene (ons kenmerk {reference}).\n\n" +
              "Omdat de kennisgeving over een persoon gaat, sturen we haar niet per e-mail mee. U kunt haar downloaden via deze beveiligde link:\n\n" +
              $"    {link}\n\n" +
              $"De link is geldig tot en met {until}. Als u de link opent, sturen we een eenmalige code naar dit e-mailadres; " +
              "alleen met die code gaat de kennisgeving open.\n\n" +
              $"Wilt u de wijziging ook in uw eigen administratie doorvoeren? Vragen, of werkt de link niet? Beantwoord dan deze e-mail{contact}, " +
              $"onder vermelding van {reference}.\n\n" +
              $"Met vriendelijke groet,\n{firm}";
        return new MailDraft(MailKinds.RecipientNotice, to, en ? "en" : "nl", subject, body, RequestId: requestId);
    }
}
