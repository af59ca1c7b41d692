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

    /// <summary>The task's system is not a connected system (Manual, retired, or no connection set): its data come by upload.</summary>
    public static readonly Error FetchNotConnected = new("request.collection.fetch_not_connected");

    /// <summary>The system has no saved data map, or the saved one is no longer valid.</summary>
    public static readonly Error FetchNoMap = new("request.collection.fetch_no_map");

    /// <summary>The subject has none of the identifiers the map starts from (customer number, e-mail address, phone number).</summary>
    public static readonly Error FetchNoIdentifier = new("request.collection.fetch_no_identifier");

    /// <summary>Argument <c>max</c>: what the system returned is larger than an extract may be.</summary>
    public static readonly Error FetchTooLarge = new("request.collection.fetch_too_large");

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
        [FetchNotConnected.Code] = new(
            "Dit systeem is niet gekoppeld: PrivacyDesk kan er zelf niets uit ophalen. Vraag het team om een extract en upload dat, of laat een beheerder de verbinding instellen.",
            "This system is not connected: PrivacyDesk cannot fetch from it itself. Ask its team for an extract and upload it, or have an administrator set up the connection."),
        [FetchNoMap.Code] = new(
            "Dit systeem heeft geen geldige gegevenskaart, dus is niet bekend welke tabellen bij de betrokkene horen. Laat een beheerder de gegevenskaart vastleggen; er is niets opgehaald.",
            "This system has no valid data map, so which tables belong to the data subject is not known. Have an administrator save the data map; nothing was fetched."),
        [FetchNoIdentifier.Code] = new(
            "Van de betrokkene is geen klantnummer, e-mailadres of telefoonnummer bekend waarmee dit systeem kan worden doorzocht. Vul de gegevens van de betrokkene aan; er is niets opgehaald.",
            "The data subject has no customer number, e-mail address or phone number this system can be searched by. Complete the data subject's details; nothing was fetched."),
        [FetchTooLarge.Code] = new(
            "Wat het systeem voor deze betrokkene teruggaf, is groter dan {max} MB. Er is niets opgeslagen; vraag het team om een extract.",
            "What the system returned for this data subject is larger than {max} MB. Nothing has been stored; ask the system's team for an extract."),
    };
}
