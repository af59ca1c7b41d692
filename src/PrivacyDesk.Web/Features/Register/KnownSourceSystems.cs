using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Web.Features.Register;

/// <summary>The register's check that a purpose names only source systems that exist (issue 14, ADR 0036).</summary>
public static class KnownSourceSystems
{
    /// <summary>
    /// The names as the systems spell them ("crm" becomes "CRM"), or one coded error per name no system has.
    /// Retired systems count: a purpose may still name a system it used, as its record says.
    /// </summary>
    public static async Task<Result<IReadOnlyList<string>>> ResolveAsync(PrivacyDeskDbContext db, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(names);
        var wanted = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
        if (wanted.Count == 0)
        {
            return Result.Success<IReadOnlyList<string>>([]);
        }
        var normalized = wanted.Select(SourceSystem.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.SourceSystems.AsNoTracking()
            .Where(s => normalized.Contains(s.NormalizedName))
            .ToDictionaryAsync(s => s.NormalizedName, s => s.Name, StringComparer.Ordinal, cancellationToken);
        var unknown = wanted.Where(n => !known.ContainsKey(SourceSystem.Normalize(n))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return unknown.Count > 0
            ? Result<IReadOnlyList<string>>.Failure(unknown.Select(n => RegisterErrors.SourceSystemUnknown with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["system"] = n },
            }))
            : Result.Success<IReadOnlyList<string>>([.. wanted.Select(n => known[SourceSystem.Normalize(n)]).Distinct(StringComparer.Ordinal)]);
    }
}
