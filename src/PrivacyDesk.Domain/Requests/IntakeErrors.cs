using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Requests;

/// <summary>The coded errors of registering a request by hand (e-mail, phone, letter, in person) and of its attachments.</summary>
public static class IntakeErrors
{
    public static readonly Error TypeRequired = new("intake.type.required", "Type");
    public static readonly Error ChannelRequired = new("intake.channel.required", "Channel");
    public static readonly Error ReceivedAtRequired = new("intake.received_at.required", "ReceivedAt");
    public static readonly Error ReceivedAtInFuture = new("intake.received_at.future", "ReceivedAt");
    public static readonly Error ChannelNotManual = new("intake.channel.not_manual", "Channel");
    public static readonly Error AttachmentTooLarge = new("intake.attachment.too_large", "Attachments");
    public static readonly Error AttachmentTypeNotAllowed = new("intake.attachment.type_not_allowed", "Attachments");
    public static readonly Error AttachmentEmpty = new("intake.attachment.empty", "Attachments");
    public static readonly Error AttachmentNameInvalid = new("intake.attachment.name_invalid", "Attachments");
    public static readonly Error AttachmentTooMany = new("intake.attachment.too_many", "Attachments");
    public static readonly Error AttachmentContentMismatch = new("intake.attachment.content_mismatch", "Attachments");
    public static readonly Error AttachmentNameHiddenCharacters = new("intake.attachment.name_hidden_characters", "Attachments");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [TypeRequired.Code] = new("Kies het soort verzoek.", "Choose the kind of request."),
        [ChannelRequired.Code] = new("Kies hoe het verzoek binnenkwam.", "Choose how the request arrived."),
        [ReceivedAtRequired.Code] = new("Vul de datum en het tijdstip van ontvangst in.", "Enter the date and time of receipt."),
        [ReceivedAtInFuture.Code] = new(
            "Het moment van ontvangst kan niet in de toekomst liggen.", "The moment of receipt cannot lie in the future."),
        [ChannelNotManual.Code] = new(
            "Verzoeken via het webformulier komen automatisch binnen; kies e-mail, telefoon, brief of persoonlijk.",
            "Web-form requests arrive by themselves; choose e-mail, phone, letter or in person."),
        [AttachmentTooLarge.Code] = new(
            "{file} is te groot: een bijlage mag ten hoogste {max} MB zijn. Er is niets opgeslagen.",
            "{file} is too large: an attachment may be at most {max} MB. Nothing was stored."),
        [AttachmentTypeNotAllowed.Code] = new(
            "{file} heeft een bestandstype dat niet is toegestaan. Toegestaan: {allowed}.",
            "{file} is of a file type that is not allowed. Allowed: {allowed}."),
        [AttachmentEmpty.Code] = new("{file} is leeg.", "{file} is empty."),
        [AttachmentNameInvalid.Code] = new("Een bijlage heeft geen geldige bestandsnaam.", "An attachment has no valid file name."),
        [AttachmentContentMismatch.Code] = new(
            "{file} is geen {type}-bestand: de inhoud past niet bij de naam. Er is niets opgeslagen.",
            "{file} is not a {type} file: its content does not match its name. Nothing was stored."),
        [AttachmentNameHiddenCharacters.Code] = new(
            "Een bestandsnaam bevat onzichtbare tekens (zoals een richtingsteken) die de naam anders laten lezen; geef het bestand een gewone naam.",
            "A file name holds invisible characters (such as a direction mark) that make it read differently; give the file a plain name."),
        [AttachmentTooMany.Code] = new("Voeg ten hoogste {max} bijlagen toe.", "Add at most {max} attachments."),
    };
}
