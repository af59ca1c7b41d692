using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Sources;

/// <summary>The coded errors of source systems and their data maps (issue 14), with a plain Dutch and English sentence each.</summary>
public static class SourceErrors
{
    public static readonly Error NameMissing = new("source.name_missing", "Name");
    public static readonly Error NameTooLong = new("source.name_too_long", "Name");
    public static readonly Error NameInvalid = new("source.name_invalid", "Name");
    public static readonly Error NameTaken = new("source.name_taken", "Name");
    public static readonly Error OwnerTooLong = new("source.owner_too_long", "Owner");
    public static readonly Error DescriptionTooLong = new("source.description_too_long", "Description");
    public static readonly Error ConnectorUnknown = new("source.connector_unknown", "Connector");
    public static readonly Error NotFound = new("source.not_found");
    public static readonly Error Retired = new("source.retired");
    public static readonly Error NotRetired = new("source.not_retired");

    public static readonly Error ConnectionBoth = new("source.connection.both", "ConnectionReference");
    public static readonly Error ConnectionReferenceInvalid = new("source.connection.reference_invalid", "ConnectionReference");
    public static readonly Error ConnectionTooLong = new("source.connection.too_long", "ConnectionString");
    public static readonly Error ManualTakesNoConnection = new("source.connection.manual", "Connector");
    public static readonly Error ConnectionNone = new("source.connection.none", "ConnectionReference");
    public static readonly Error ConnectionMissing = new("source.connection.missing", "ConnectionReference");
    public static readonly Error ConnectionUnreadable = new("source.connection.unreadable", "ConnectionString");
    public static readonly Error ConnectorUnavailable = new("source.connection.connector_unavailable", "Connector");

    public static readonly Error RowCapOutOfRange = new("source.fetching.row_cap_out_of_range", "RowCapPerTable");
    public static readonly Error TimeoutOutOfRange = new("source.fetching.timeout_out_of_range", "StatementTimeoutSeconds");
    public static readonly Error AutomaticNeedsConnector = new("source.fetching.automatic_needs_connector", "FetchAutomatically");

    public const string MapTableUnreachable = "source.map.table_unreachable";
    public const string MapNoIdentity = "source.map.no_identity";
    public const string MapCategoryNotInPurposes = "source.map.category_not_in_purposes";
    public const string MapPurposesMissing = "source.map.purposes_missing";
    public const string MapReasonMissing = "source.map.reason_missing";
    public const string MapReferenceUnknown = "source.map.reference_unknown";
    public const string MapPurposeUnknown = "source.map.purpose_unknown";
    public const string MapTableDuplicate = "source.map.table_duplicate";
    public const string MapColumnDuplicate = "source.map.column_duplicate";
    public const string MapTableGone = "source.map.table_gone";
    public const string MapColumnGone = "source.map.column_gone";
    public const string MapTypeChanged = "source.map.type_changed";
    public const string MapIndexMissing = "source.map.index_missing";
    public static readonly Error MapInvalid = new("source.map.invalid", "Map");
    public static readonly Error MapMissing = new("source.map.missing", "Map");

    /// <summary>A map problem at a place the map page can link to (e.g. <c>Tables[public.customers].Columns[email].Category</c>).</summary>
    public static Error Map(string code, string field, params (string Key, string Value)[] arguments) =>
        new(code, field, arguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));

    // Reaching a connected system and reading a subject's rows (h/connectors, ADR 0037).
    /// <summary>The host or port does not answer (or not within the time); argument <c>seconds</c>.</summary>
    public static readonly Error Unreachable = new("source.connection.unreachable");

    public static readonly Error Credentials = new("source.connection.credentials");

    public static readonly Error Permission = new("source.connection.permission");

    public static readonly Error Tls = new("source.connection.tls");

    /// <summary>The connection string cannot be read (a typing error); its text is never repeated.</summary>
    public static readonly Error ConnectionStringInvalid = new("source.connection.invalid");

    /// <summary>The engine refused for another reason; argument <c>code</c> is the engine's own error code, never its message.</summary>
    public static readonly Error ConnectionFailed = new("source.connection.failed");

    /// <summary>Arguments <c>table</c> and <c>seconds</c>.</summary>
    public static readonly Error FetchTimeout = new("source.fetch.timeout");

    /// <summary>Arguments <c>table</c> and <c>cap</c>: more rows than the cap, so no partial copy is returned.</summary>
    public static readonly Error RowCap = new("source.fetch.row_cap");

    /// <summary>Arguments <c>table</c> and <c>column</c>: a mapped column is gone from the live schema.</summary>
    public static readonly Error SchemaDrift = new("source.fetch.schema_drift");

    /// <summary>Argument <c>table</c>: a mapped table is gone from the live schema.</summary>
    public static readonly Error TableMissing = new("source.fetch.table_missing");

    /// <summary>Arguments <c>table</c> and <c>column</c>: a step names a column the map does not have, or reads from a table no earlier step read.</summary>
    public static readonly Error PlanInvalid = new("source.fetch.plan_invalid");

    /// <summary>Arguments <c>table</c> and <c>code</c> (the engine's error code).</summary>
    public static readonly Error FetchFailed = new("source.fetch.failed");

    /// <summary>The connector for this kind of system is not installed (e.g. a Manual system asked to fetch).</summary>
    public static readonly Error KindNotConnected = new("source.connection.kind_not_connected");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NameMissing.Code] = new("Geef het bronsysteem een naam.", "Give the source system a name."),
        [NameTooLong.Code] = new("De naam van een bronsysteem is hoogstens 200 tekens.", "A source system's name is at most 200 characters."),
        [NameInvalid.Code] = new("De naam van een bronsysteem mag geen puntkomma of stuurteken bevatten.", "A source system's name may not contain a semicolon or control character."),
        [NameTaken.Code] = new("Er is al een bronsysteem met deze naam (hoofdletters tellen niet mee).", "There is already a source system with this name (case does not count)."),
        [OwnerTooLong.Code] = new("De eigenaar is hoogstens 200 tekens.", "The owner is at most 200 characters."),
        [DescriptionTooLong.Code] = new("De omschrijving is hoogstens 2000 tekens.", "The description is at most 2,000 characters."),
        [ConnectorUnknown.Code] = new("Kies een bekend soort koppeling.", "Choose a known kind of connector."),
        [NotFound.Code] = new("Dit bronsysteem bestaat niet (meer).", "This source system does not exist."),
        [Retired.Code] = new("Dit bronsysteem is buiten gebruik gesteld en kan niet worden gewijzigd of bevraagd.", "This source system is retired and can no longer be changed or queried."),
        [NotRetired.Code] = new("Dit bronsysteem is niet buiten gebruik gesteld.", "This source system is not retired."),
        [ConnectionBoth.Code] = new("Kies een verwijzing naar de configuratie óf een verbindingsreeks, niet allebei.", "Choose either a configuration reference or a connection string, not both."),
        [ConnectionReferenceInvalid.Code] = new("Een verwijzing naar de configuratie bestaat uit letters, cijfers, punten, koppeltekens en lage streepjes (hoogstens 200).", "A configuration reference consists of letters, digits, dots, hyphens and underscores (at most 200)."),
        [ConnectionTooLong.Code] = new("De verbindingsreeks is te lang.", "The connection string is too long."),
        [ManualTakesNoConnection.Code] = new("Een handmatig bronsysteem heeft geen verbinding: het team levert een extract aan.", "A manual source system has no connection: its team delivers an extract."),
        [ConnectionNone.Code] = new("Dit bronsysteem heeft nog geen verbinding: geef een verwijzing naar de configuratie of een verbindingsreeks op.", "This source system has no connection yet: give a configuration reference or a connection string."),
        [ConnectionMissing.Code] = new("De configuratie heeft geen verbindingsreeks met de naam '{reference}' (SourceSystems__Connections__{reference}).", "The configuration has no connection string named '{reference}' (SourceSystems__Connections__{reference})."),
        [ConnectionUnreadable.Code] = new("De opgeslagen verbindingsreeks kan niet worden ontsleuteld (de sleutels zijn gewijzigd); voer haar opnieuw in.", "The stored connection string cannot be decrypted (the keys have changed); enter it again."),
        [ConnectorUnavailable.Code] = new("Deze versie van PrivacyDesk kan nog geen verbinding maken met dit soort systeem.", "This version of PrivacyDesk cannot connect to this kind of system yet."),
        [RowCapOutOfRange.Code] = new("Het maximum aantal rijen per tabel ligt tussen 1 en 100.000.", "The row cap per table is between 1 and 100,000."),
        [TimeoutOutOfRange.Code] = new("De tijdslimiet per opdracht ligt tussen 1 en 300 seconden.", "The statement timeout is between 1 and 300 seconds."),
        [AutomaticNeedsConnector.Code] = new("Alleen een gekoppeld systeem kan automatisch worden bevraagd.", "Only a connected system can be fetched from automatically."),
        [MapTableUnreachable] = new("De tabel {table} is in scope, maar geen identificerende kolom bereikt haar via verwijzingen.", "The table {table} is in scope, but no identifying column reaches it through references."),
        [MapNoIdentity] = new("De gegevenskaart heeft geen kolom die de betrokkene identificeert (klantnummer, e-mailadres of telefoonnummer).", "The data map has no column that identifies the subject (customer number, e-mail address or phone number)."),
        [MapCategoryNotInPurposes] = new("De kolom {column} van {table} bevat '{category}', maar geen van de doelen van de tabel noemt die gegevenscategorie.", "The column {column} of {table} holds '{category}', but none of the table's purposes names that data category."),
        [MapPurposesMissing] = new("De tabel {table} is in scope maar heeft geen doel uit het register.", "The table {table} is in scope but has no purpose from the register."),
        [MapReasonMissing] = new("De tabel {table} is buiten scope zonder reden.", "The table {table} is out of scope without a reason."),
        [MapReferenceUnknown] = new("De verwijzing van {table}.{column} naar {target} wijst naar een tabel of kolom die niet in de kaart staat.", "The reference from {table}.{column} to {target} points to a table or column that is not in the map."),
        [MapPurposeUnknown] = new("De tabel {table} noemt het doel '{purpose}', dat niet in het register staat.", "The table {table} names the purpose '{purpose}', which is not in the register."),
        [MapTableDuplicate] = new("De tabel {table} staat twee keer in de kaart.", "The table {table} is in the map twice."),
        [MapColumnDuplicate] = new("De kolom {column} staat twee keer bij {table}.", "The column {column} is listed twice for {table}."),
        [MapTableGone] = new("De tabel {table} bestaat niet meer in het bronsysteem.", "The table {table} no longer exists in the source system."),
        [MapColumnGone] = new("De kolom {column} van {table} bestaat niet meer in het bronsysteem (hernoemd of verwijderd).", "The column {column} of {table} no longer exists in the source system (renamed or dropped)."),
        [MapTypeChanged] = new("Het type van {table}.{column} is gewijzigd van {mapped} naar {live}.", "The type of {table}.{column} changed from {mapped} to {live}."),
        [MapIndexMissing] = new("De kolom {column} van {table} heeft geen index: elke opvraging leest dan de hele tabel, wat bij grote tabellen seconden per verzoek kost.", "The column {column} of {table} has no index: every retrieval then reads the whole table, which costs seconds per request on large tables."),
        [MapInvalid.Code] = new("De gegevenskaart van dit systeem is niet geldig; herstel haar eerst op de beheerpagina.", "This system's data map is not valid; fix it on the administration page first."),
        [MapMissing.Code] = new("Dit systeem heeft nog geen gegevenskaart.", "This system has no data map yet."),

        [Unreachable.Code] = new(
            "Het bronsysteem is niet bereikbaar: geen antwoord binnen {seconds} seconden. Controleer de servernaam en de poort, en of het systeem draait.",
            "The source system cannot be reached: no answer within {seconds} seconds. Check the host name and port, and whether the system is running."),
        [Credentials.Code] = new(
            "Het bronsysteem weigert de aanmelding: de gebruikersnaam of het wachtwoord in de verbinding klopt niet.",
            "The source system refuses the login: the user name or password in the connection is wrong."),
        [Permission.Code] = new(
            "De gebruiker van de verbinding heeft geen toestemming om deze database of tabel te lezen. Vraag de beheerder van het systeem om leesrechten.",
            "The connection's user has no permission to read this database or table. Ask the system's administrator for read access."),
        [Tls.Code] = new(
            "De beveiligde verbinding (TLS) met het bronsysteem kon niet worden opgezet: het certificaat wordt niet vertrouwd of de server biedt geen TLS.",
            "The secure connection (TLS) to the source system could not be set up: the certificate is not trusted or the server offers no TLS."),
        [ConnectionStringInvalid.Code] = new(
            "De verbindingsgegevens kunnen niet worden gelezen. Controleer de schrijfwijze (bijvoorbeeld Host=...;Database=...;Username=...).",
            "The connection details cannot be read. Check how they are written (for example Host=...;Database=...;Username=...)."),
        [ConnectionFailed.Code] = new(
            "Het bronsysteem weigerde de verbinding (foutcode {code} van het systeem).",
            "The source system refused the connection (the system's error code {code})."),
        [FetchTimeout.Code] = new(
            "Het lezen van tabel {table} duurde langer dan {seconds} seconden en is afgebroken. Er is niets opgeslagen; probeer het opnieuw of vraag de beheerder om een index.",
            "Reading table {table} took longer than {seconds} seconds and was stopped. Nothing was stored; try again or ask the administrator for an index."),
        [RowCap.Code] = new(
            "Tabel {table} heeft meer dan {cap} rijen voor deze betrokkene. Een onvolledige kopie zou een fout antwoord zijn, dus er is niets opgehaald; vraag het team van het systeem om een uittreksel.",
            "Table {table} has more than {cap} rows for this data subject. An incomplete copy would be a wrong answer, so nothing was fetched; ask the system's team for an extract."),
        [SchemaDrift.Code] = new(
            "De gegevenskaart past niet meer bij het systeem: kolom {column} van tabel {table} bestaat niet meer. Werk de gegevenskaart bij.",
            "The data map no longer matches the system: column {column} of table {table} no longer exists. Update the data map."),
        [TableMissing.Code] = new(
            "De gegevenskaart past niet meer bij het systeem: tabel {table} bestaat niet meer. Werk de gegevenskaart bij.",
            "The data map no longer matches the system: table {table} no longer exists. Update the data map."),
        [PlanInvalid.Code] = new(
            "Het ophaalplan verwijst naar kolom {column} van tabel {table}, die niet in de gegevenskaart staat of nog niet is gelezen.",
            "The retrieval plan refers to column {column} of table {table}, which is not in the data map or has not been read yet."),
        [FetchFailed.Code] = new(
            "Het lezen van tabel {table} is mislukt (foutcode {code} van het systeem). Er is niets opgeslagen.",
            "Reading table {table} failed (the system's error code {code}). Nothing was stored."),
        [KindNotConnected.Code] = new(
            "Voor dit soort systeem kan PrivacyDesk geen gegevens ophalen; het team van het systeem levert een uittreksel aan.",
            "PrivacyDesk cannot fetch data from this kind of system; the system's team delivers an extract."),
    };
}
