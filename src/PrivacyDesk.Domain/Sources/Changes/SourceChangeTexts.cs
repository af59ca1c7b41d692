using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Sources.Changes;

/// <summary>
/// The reasons of <see cref="HandInstruction"/> and the notes of <see cref="PlannedTableChange"/>: stable codes in the
/// plan (which is stored and never changes), a Dutch and English sentence here for whoever shows them.
/// </summary>
public static class SourceChangeTexts
{
    public const string ManualSystem = "source.change.hand.manual_system";
    public const string NotConnected = "source.change.hand.not_connected";
    public const string NoMap = "source.change.hand.no_map";
    public const string MapInvalid = "source.change.hand.map_invalid";
    public const string NoErasureConnection = "source.change.hand.no_erasure_connection";
    public const string Retired = "source.change.hand.retired";
    public const string NoRestrictionMarker = "source.change.hand.no_restriction_marker";
    public const string KeptTablePointsHere = "source.change.note.kept_table_points_here";
    public const string MarkerTable = "source.change.note.marker_table";

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [ManualSystem] = new("Handmatig systeem: het team van het systeem voert dit uit; bevestig het daarna met een toelichting.", "Manual system: the system's team carries this out; confirm it afterwards with a note."),
        [NotConnected] = new("Het systeem is niet gekoppeld: het team van het systeem voert dit uit.", "The system is not connected: the system's team carries this out."),
        [NoMap] = new("Het systeem heeft geen gegevenskaart: het team van het systeem voert dit uit voor alle gegevens van deze doelen.", "The system has no data map: the system's team carries this out for all data of these purposes."),
        [MapInvalid] = new("De gegevenskaart van het systeem is niet geldig: het team van het systeem voert dit uit (of herstel eerst de kaart).", "The system's data map is not valid: the system's team carries this out (or fix the map first)."),
        [NoErasureConnection] = new("Het systeem heeft geen verbinding om te wijzigen (alleen om te lezen): het team van het systeem voert dit uit.", "The system has no connection for changes (only for reading): the system's team carries this out."),
        [Retired] = new("Het systeem is buiten gebruik gesteld: het team van het systeem voert dit uit.", "The system is retired: the system's team carries this out."),
        [NoRestrictionMarker] = new("De gegevenskaart noemt voor deze tabel geen markering voor beperking: beperk de verwerking met de hand.", "The data map names no restriction marker for this table: restrict the processing by hand."),
        [KeptTablePointsHere] = new("Niet verwijderd maar afgeschermd: een tabel die haar rijen houdt, verwijst naar deze rijen.", "Masked instead of deleted: a table that keeps its rows points at these rows."),
        [MarkerTable] = new("De beperking wordt vastgelegd in de markeringstabel uit de gegevenskaart.", "The restriction is recorded in the marker table named in the data map."),
    };

    public static string Text(string code, string language) =>
        Messages.TryGetValue(code, out var text) ? text.In(language, null) : code;
}
