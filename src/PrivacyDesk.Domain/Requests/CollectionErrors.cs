using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Requests;

/// <summary>The expected failures of collecting the subject's data from the source systems, each with a Dutch and English sentence.</summary>
public static class CollectionErrors
{
    public static readonly Error NothingToPlan = new("request.collection.nothing_to_plan");

    public static readonly Error DueAfterDeadline = new("request.collection.due_after_deadline", "DueOn");

    public static readonly Error DueInPast = new("request.collection.due_in_past", "DueOn");

    public static readonly Error TaskUnknown = new("request.collection.task_unknown");

    public static readonly Error TaskClosed = new("request.collection.task_closed");

    public static readonly Error ReasonRequired = new("request.collection.reason_required", "Reason");

    public static readonly Error ContactTooLong = new("request.collection.contact_too_long", "Contact");

    public static readonly Error ExtractTooLarge = new("request.collection.extract_too_large", "File");

    public static readonly Error ExtractEmptyFile = new("request.collection.extract_empty", "File");

    public static readonly Error ExtractWrongFormat = new("request.collection.extract_wrong_format", "File");

    public static readonly Error ExtractNotATable = new("request.collection.extract_not_a_table", "File");

    public static readonly Error ExtractNoIdentifier = new("request.collection.extract_no_identifier", "File");

    public static readonly Error ExtractWrongSubject = new("request.collection.extract_wrong_subject", "File");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NothingToPlan.Code] = new(
            "Er is niets te plannen: elk bronsysteem van de verwerkingsdoelen van de betrokkene heeft al een taak.",
            "There is nothing to plan: every source system of the data subject's processing purposes already has a task."),
        [DueAfterDeadline.Code] = new(
            "De streefdatum mag niet na de uiterste antwoorddatum van het verzoek ({deadline}) liggen.",
            "The due date may not be after the request's response deadline ({deadline})."),
        [DueInPast.Code] = new(
            "De streefdatum kan niet in het verleden liggen.",
            "The due date cannot be in the past."),
        [TaskUnknown.Code] = new(
            "Deze verzameltaak hoort niet bij dit verzoek.",
            "This collection task does not belong to this request."),
        [TaskClosed.Code] = new(
            "Deze verzameltaak is al afgerond.",
            "This collection task has already been completed."),
        [ReasonRequired.Code] = new(
            "Geef aan waarom dit systeem geen gegevens van de betrokkene bevat.",
            "Say why this system holds no data of the data subject."),
        [ContactTooLong.Code] = new(
            "De naam van de contactpersoon is te lang: maximaal {max} tekens.",
            "The contact's name is too long: at most {max} characters."),
        [ExtractTooLarge.Code] = new(
            "Het bestand is te groot: maximaal {max} MB. Er is niets opgeslagen.",
            "The file is too large: at most {max} MB. Nothing has been stored."),
        [ExtractEmptyFile.Code] = new(
            "Het bestand is leeg. Er is niets opgeslagen.",
            "The file is empty. Nothing has been stored."),
        [ExtractWrongFormat.Code] = new(
            "Dit is geen leesbaar CSV- of JSON-bestand. Er is niets opgeslagen.",
            "This is not a readable CSV or JSON file. Nothing has been stored."),
        [ExtractNotATable.Code] = new(
            "Het bestand bevat geen tabel met records: verwacht een CSV met een kopregel of een JSON-lijst van objecten. Er is niets opgeslagen.",
            "The file does not contain a table of records: expected a CSV with a header row or a JSON list of objects. Nothing has been stored."),
        [ExtractNoIdentifier.Code] = new(
            "Het bestand heeft geen kolom klantnummer (customerNumber) of e-mail, dus niet vast te stellen is van wie de gegevens zijn. Er is niets opgeslagen.",
            "The file has no customer number (customerNumber) or e-mail column, so whose data it holds cannot be established. Nothing has been stored."),
        [ExtractWrongSubject.Code] = new(
            "Het bestand bevat gegevens die niet van deze betrokkene zijn ({rows} van de {total} records). Er is niets opgeslagen.",
            "The file contains data that are not this data subject's ({rows} of {total} records). Nothing has been stored."),
    };
}
