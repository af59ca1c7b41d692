using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;

using Error = PrivacyDesk.Domain.Common.Error;

/// <summary>
/// What the data map page holds: the map being edited (saved or proposed by discovery), the problems of the last
/// check with the field each names, the index warnings, and which tables are open and shown. The page renders it
/// and calls the service; a map of hundreds of tables stays usable because only open tables render their columns.
/// </summary>
public sealed class DataMapPageState(bool mayManage)
{
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);

    public bool MayManage { get; } = mayManage;

    public DataMapForm? Form { get; private set; }

    public IReadOnlyList<MapPurposeOption> Purposes { get; private set; } = [];

    /// <summary>Every problem of the last check (load, discovery or save), each naming its field.</summary>
    public IReadOnlyList<Error> Problems { get; private set; } = [];

    public IReadOnlyList<Error> IndexWarnings { get; private set; } = [];

    /// <summary>Errors that name no place in the map (connection, retired system); shown above it.</summary>
    public IReadOnlyList<Error> GeneralErrors { get; private set; } = [];

    /// <summary>Someone else saved the map since this page read it: said apart, with a reload button.</summary>
    public Error? Stale { get; private set; }

    /// <summary>The map shown is discovery's proposal, not yet saved.</summary>
    public bool IsProposal { get; private set; }

    public string Filter { get; set; } = "";

    public bool OnlyWithProblems { get; set; }

    public bool Busy { get; set; }

    /// <summary>"discover", "test" or "save" while it runs, for the progress indicator on its button.</summary>
    public string? Running { get; set; }

    /// <summary>The map changed since the problems were listed: the summary says a save checks again.</summary>
    public bool ChangedSinceCheck { get; private set; }

    /// <summary>Whether anything was changed since the map was read or saved (leaving asks nothing, but Save is offered).</summary>
    public bool IsDirty { get; private set; }

    public IEnumerable<Error> FieldProblems => Problems.Where(p => MapFields.Parse(p.Field) is not null);

    public int TableCount => Form?.Tables.Count ?? 0;

    public int InScopeCount => Form?.Tables.Count(t => t.InScope) ?? 0;

    /// <summary>The tables the filter lets through: by table or column name, and only those with problems when asked.</summary>
    public IReadOnlyList<TableForm> VisibleTables
    {
        get
        {
            if (Form is null)
            {
                return [];
            }
            var term = Filter.Trim();
            return [.. Form.Tables.Where(t =>
                (term.Length == 0 || t.DisplayName.Contains(term, StringComparison.OrdinalIgnoreCase) || t.Columns.Any(c => c.Name.Contains(term, StringComparison.OrdinalIgnoreCase)))
                && (!OnlyWithProblems || ProblemCount(t) > 0))];
        }
    }

    /// <summary>Loads a map (saved or proposed) with the problems and warnings the server found in it.</summary>
    public void Show(DataMap map, IReadOnlyList<MapPurposeOption> purposes, IReadOnlyList<Error> problems, IReadOnlyList<Error> indexWarnings, bool proposal)
    {
        ArgumentNullException.ThrowIfNull(map);
        Form = DataMapForm.From(map);
        Purposes = purposes;
        IsProposal = proposal;
        Stale = null;
        GeneralErrors = [];
        Checked(problems, indexWarnings);
        IsDirty = proposal;
        _open.Clear();
        // A small map opens whole; a large one opens only the tables that need attention.
        foreach (var table in Form.Tables.Where(t => Form.Tables.Count <= 3 || ProblemCount(t) > 0).Take(20))
        {
            _open.Add(table.DisplayName);
        }
    }

    /// <summary>The server's answer to a check or a refused save; the form keeps what the administrator chose.</summary>
    public void Checked(IReadOnlyList<Error> problems, IReadOnlyList<Error>? indexWarnings = null)
    {
        Problems = [.. problems.Where(p => p.Code != Features.Common.StaleEdit.Code)];
        Stale = problems.FirstOrDefault(p => p.Code == Features.Common.StaleEdit.Code);
        GeneralErrors = [.. Problems.Where(p => MapFields.Parse(p.Field) is null)];
        if (indexWarnings is not null)
        {
            IndexWarnings = indexWarnings;
        }
        ChangedSinceCheck = false;
    }

    /// <summary>After every edit in the editor (cheap: a map of hundreds of tables is not compared on each render).</summary>
    public void Edited()
    {
        ChangedSinceCheck = true;
        IsDirty = true;
    }

    public IReadOnlyList<Error> ProblemsAt(string path) => [.. Problems.Where(p => p.Field == path)];

    public int ProblemCount(TableForm table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Problems.Count(p => MapFields.Parse(p.Field)?.Table == table.DisplayName);
    }

    public bool IsOpen(TableForm table) => _open.Contains(table.DisplayName);

    public void Toggle(TableForm table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!_open.Remove(table.DisplayName))
        {
            _open.Add(table.DisplayName);
        }
    }

    public void OpenAll()
    {
        foreach (var table in VisibleTables)
        {
            _open.Add(table.DisplayName);
        }
    }

    public void CloseAll() => _open.Clear();

    /// <summary>Opens the table a problem names and shows it past the filter; the id of the element to scroll to, or null.</summary>
    public string? GoTo(Error problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (MapFields.Parse(problem.Field) is not { } path || Form?.Table(path.Table) is not { } table)
        {
            return null;
        }
        _open.Add(table.DisplayName);
        if (!VisibleTables.Contains(table))
        {
            Filter = "";
            OnlyWithProblems = false;
        }
        return MapFields.TargetId(path);
    }
}
