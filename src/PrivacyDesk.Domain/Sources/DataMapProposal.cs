namespace PrivacyDesk.Domain.Sources;

/// <summary>
/// What discovery offers the office (issue 14): the live catalog's tables, columns, types, keys and indexes, with the
/// office's own annotations (scope, reasons, purposes, identities, categories, added references) kept for whatever
/// still exists, and identities proposed by column name for what is new. New tables come in scope without purposes,
/// so validation asks the office to decide on each.
/// </summary>
public static class DataMapProposal
{
    // Column names (lower case, without '_', '-', ' ' and '.') that hold one of the subject's identifiers, in English and Dutch.
    private static readonly Dictionary<string, SubjectIdentifierKind> IdentityNames = new(StringComparer.Ordinal)
    {
        ["customernumber"] = SubjectIdentifierKind.CustomerNumber,
        ["customerno"] = SubjectIdentifierKind.CustomerNumber,
        ["customernr"] = SubjectIdentifierKind.CustomerNumber,
        ["clientnumber"] = SubjectIdentifierKind.CustomerNumber,
        ["clientnr"] = SubjectIdentifierKind.CustomerNumber,
        ["klantnummer"] = SubjectIdentifierKind.CustomerNumber,
        ["klantnr"] = SubjectIdentifierKind.CustomerNumber,
        ["relatienummer"] = SubjectIdentifierKind.CustomerNumber,
        ["email"] = SubjectIdentifierKind.EmailAddress,
        ["emailaddress"] = SubjectIdentifierKind.EmailAddress,
        ["emailadres"] = SubjectIdentifierKind.EmailAddress,
        ["mail"] = SubjectIdentifierKind.EmailAddress,
        ["mailadres"] = SubjectIdentifierKind.EmailAddress,
        ["phone"] = SubjectIdentifierKind.PhoneNumber,
        ["phonenumber"] = SubjectIdentifierKind.PhoneNumber,
        ["telephone"] = SubjectIdentifierKind.PhoneNumber,
        ["telephonenumber"] = SubjectIdentifierKind.PhoneNumber,
        ["mobile"] = SubjectIdentifierKind.PhoneNumber,
        ["mobilenumber"] = SubjectIdentifierKind.PhoneNumber,
        ["telefoon"] = SubjectIdentifierKind.PhoneNumber,
        ["telefoonnummer"] = SubjectIdentifierKind.PhoneNumber,
        ["telnr"] = SubjectIdentifierKind.PhoneNumber,
        ["mobiel"] = SubjectIdentifierKind.PhoneNumber,
        ["mobielnummer"] = SubjectIdentifierKind.PhoneNumber,
    };

    public static DataMap From(DataMap discovered, DataMap? current)
    {
        ArgumentNullException.ThrowIfNull(discovered);
        return new DataMap([.. discovered.Tables.Select(t => Propose(t, current?.Find(t.Schema, t.Name), discovered))]);
    }

    /// <summary>The identifier a column's name suggests, or null.</summary>
    public static SubjectIdentifierKind? IdentityByName(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var key = new string([.. column.Where(c => c is not ('_' or '-' or ' ' or '.')).Select(char.ToLowerInvariant)]);
        return IdentityNames.TryGetValue(key, out var kind) ? kind : null;
    }

    private static MappedTable Propose(MappedTable live, MappedTable? known, DataMap discovered)
    {
        if (known is null)
        {
            return live with
            {
                InScope = true,
                OutOfScopeReason = null,
                PurposeKeys = [],
                Columns = [.. live.Columns.Select(c => c with { Identifies = IdentityByName(c.Name), Category = null })],
            };
        }
        var columns = live.Columns.Select(c => known.Column(c.Name) is { } was
            ? c with { Identifies = was.Identifies, Category = was.Category }
            : c with { Identifies = IdentityByName(c.Name), Category = null });
        // The office's own references (where the database has no foreign key) stay while both ends still exist.
        var added = known.References.Where(r => !r.Discovered
            && live.Column(r.Column) is not null
            && discovered.Find(r.ToSchema, r.ToTable)?.Column(r.ToColumn) is not null
            && !live.References.Any(d => d.Column == r.Column && d.ToSchema == r.ToSchema && d.ToTable == r.ToTable && d.ToColumn == r.ToColumn));
        return live with
        {
            InScope = known.InScope,
            OutOfScopeReason = known.OutOfScopeReason,
            PurposeKeys = known.PurposeKeys,
            Columns = [.. columns],
            References = [.. live.References, .. added],
        };
    }
}
