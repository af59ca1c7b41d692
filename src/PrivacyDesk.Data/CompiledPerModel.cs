using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyDesk.Data;

/// <summary>
/// An EF Core compiled query (<c>EF.CompileAsyncQuery</c>) for a hot path, compiled once per model. EF Core refuses to run a
/// compiled query with another model than the one it first ran with, and one process can hold several: the SQLite and
/// PostgreSQL models side by side, or several app instances in the tests. A compiled query skips the expression-tree work
/// every LINQ query repeats before any SQL runs (issue 17: about a tenth of the intake's CPU time).
/// </summary>
public sealed class CompiledPerModel<TQuery>
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _queries = [];
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback _compile;

    /// <param name="compile">Compiles the query: a call to <c>EF.CompileAsyncQuery</c>, made again for each model.</param>
    public CompiledPerModel(Func<TQuery> compile)
    {
        ArgumentNullException.ThrowIfNull(compile);
        _compile = _ => compile();
    }

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _queries.GetValue(db.Model, _compile);
    }
}
