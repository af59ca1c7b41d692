using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Sources;

/// <summary>The coded errors of source systems as records and of their data maps (issue 14, ADR 0036), with a plain Dutch and English sentence each; reaching and reading a system is SourceErrors' (the connectors).</summary>
public static class SourceSystemErrors
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
    };
}
