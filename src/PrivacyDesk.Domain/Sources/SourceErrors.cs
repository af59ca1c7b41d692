using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Sources;

/// <summary>
/// The expected failures of reaching a connected source system and reading a subject's rows from it (issue 14,
/// ADR 0037). Arguments name tables, columns and numbers only: never a connection string or a value read.
/// </summary>
public static class SourceErrors
{
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

    /// <summary>Argument <c>table</c>: a row the dry run approved is no longer the subject's (or no longer there), or the plan's statements differ from the approved ones; nothing was changed in the system (ADR 0041).</summary>
    public static readonly Error ChangePlanChanged = new("source.change.plan_changed");

    /// <summary>Arguments <c>table</c>, <c>expected</c> and <c>actual</c>: a statement changed another number of rows than were locked; rolled back.</summary>
    public static readonly Error ChangeCountMismatch = new("source.change.count_mismatch");

    /// <summary>Argument <c>table</c>: the map names no single primary key column, so the rows cannot be named for a change.</summary>
    public static readonly Error ChangeNoPrimaryKey = new("source.change.no_primary_key");

    /// <summary>Arguments <c>table</c> and <c>column</c>: the column's type name in the map is not a plain type name, so no value is cast to it.</summary>
    public static readonly Error ChangeTypeInvalid = new("source.change.type_invalid");

    /// <summary>Arguments <c>table</c> and <c>code</c> (the engine's error code): the change failed and was rolled back.</summary>
    public static readonly Error ChangeFailed = new("source.change.failed");

    /// <summary>Arguments <c>table</c> and <c>seconds</c>: a statement (or a lock it waited for) took longer than the timeout; rolled back.</summary>
    public static readonly Error ChangeTimeout = new("source.change.timeout");

    /// <summary>Argument <c>table</c>: the erasure user may not change this table.</summary>
    public static readonly Error ChangePermission = new("source.change.permission");

    /// <summary>Argument <c>table</c>: a restriction was planned but the map names no marker column or marker table.</summary>
    public static readonly Error ChangeMarkerMissing = new("source.change.marker_missing");

    /// <summary>Arguments <c>table</c> and <c>code</c>: the change was committed, but re-reading for the proof failed.</summary>
    public static readonly Error ChangeProofFailed = new("source.change.proof_failed");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
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
        [ChangePlanChanged.Code] = new(
            "De gegevens in tabel {table} zijn veranderd sinds de proefrun: een goedgekeurde rij hoort niet meer bij deze betrokkene of bestaat niet meer. Er is niets gewijzigd in dit systeem; maak een nieuw plan en laat het opnieuw goedkeuren.",
            "The data in table {table} changed since the dry run: an approved row no longer belongs to this data subject or no longer exists. Nothing was changed in this system; make a new plan and have it approved again."),
        [ChangeCountMismatch.Code] = new(
            "In tabel {table} zou de opdracht {actual} rijen wijzigen in plaats van {expected}. Alles is teruggedraaid; er is niets gewijzigd in dit systeem.",
            "In table {table} the statement would change {actual} rows instead of {expected}. Everything was rolled back; nothing was changed in this system."),
        [ChangeNoPrimaryKey.Code] = new(
            "Tabel {table} heeft in de gegevenskaart geen primaire sleutel van één kolom, dus PrivacyDesk kan de rijen niet aanwijzen. Vul de sleutel aan in de gegevenskaart of laat het team van het systeem de wijziging met de hand uitvoeren.",
            "Table {table} has no single-column primary key in the data map, so PrivacyDesk cannot name its rows. Add the key to the data map or have the system's team make the change by hand."),
        [ChangeTypeInvalid.Code] = new(
            "Het gegevenstype van kolom {column} in tabel {table} is geen gewone typenaam; PrivacyDesk schrijft daar geen waarde in. Controleer de gegevenskaart.",
            "The data type of column {column} in table {table} is not a plain type name; PrivacyDesk writes no value into it. Check the data map."),
        [ChangeFailed.Code] = new(
            "Het wijzigen van tabel {table} is mislukt (foutcode {code} van het systeem). Alles is teruggedraaid; er is niets gewijzigd in dit systeem. Probeer het opnieuw.",
            "Changing table {table} failed (the system's error code {code}). Everything was rolled back; nothing was changed in this system. Try again."),
        [ChangeTimeout.Code] = new(
            "Het wijzigen van tabel {table} duurde langer dan {seconds} seconden (of wachtte op een vergrendeling) en is afgebroken. Alles is teruggedraaid; probeer het later opnieuw.",
            "Changing table {table} took longer than {seconds} seconds (or waited for a lock) and was stopped. Everything was rolled back; try again later."),
        [ChangePermission.Code] = new(
            "De wijzigingsgebruiker van het systeem mag tabel {table} niet wijzigen. Er is niets gewijzigd; vraag de beheerder om de rechten uit de handleiding (bediening).",
            "The system's erasure user may not change table {table}. Nothing was changed; ask the administrator for the privileges listed in the operations guide."),
        [ChangeMarkerMissing.Code] = new(
            "Voor tabel {table} is een beperking gepland, maar de gegevenskaart noemt geen markeringskolom of markeringstabel. Vul de gegevenskaart aan of voer de beperking met de hand uit.",
            "A restriction is planned for table {table}, but the data map names no marker column or marker table. Complete the data map or carry out the restriction by hand."),
        [ChangeProofFailed.Code] = new(
            "De wijzigingen zijn doorgevoerd, maar het nalezen van tabel {table} voor het bewijs is mislukt (foutcode {code} van het systeem). Controleer het systeem en bevestig het resultaat met de hand.",
            "The changes were committed, but re-reading table {table} for the proof failed (the system's error code {code}). Check the system and confirm the result by hand."),
    };
}
