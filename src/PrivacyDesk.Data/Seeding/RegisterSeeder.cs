using System.Reflection;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Data.Seeding;

/// <summary>
/// The default processing register from the firm's privacy notice (an embedded copy of
/// shared/seed/privacy-notice-nl.txt). Idempotent by purpose key: a purpose already in the register
/// is never overwritten, so the officers' later edits stay.
/// </summary>
public sealed class RegisterSeeder(PrivacyDeskDbContext db, TimeProvider clock)
{
    public const string NoticeResource = "PrivacyDesk.Data.Seeding.privacy-notice-nl.txt";

    public static string NoticeText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(NoticeResource)
            ?? throw new InvalidOperationException($"Embedded resource {NoticeResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <returns>How many purposes were added.</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var outcome = await ImportAsync(Actor.System, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return outcome.Added;
    }

    /// <summary>
    /// Adds the purposes of the notice the register does not hold yet, drafted and (where the rules
    /// allow) activated by <paramref name="actor"/>; the caller saves. Purposes already in the
    /// register are left as they are, so the office's edits are never overwritten.
    /// </summary>
    public async Task<RegisterImportOutcome> ImportAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var import = PrivacyNoticeRegister.Import(NoticeText(), actor, clock.GetUtcNow());
        if (import.IsFailure)
        {
            // The notice and the curated register disagree: a bug to fix, not a state to start in.
            throw new InvalidOperationException("The privacy notice could not be imported: " + string.Join(", ", import.Errors));
        }
        var existing = await db.Purposes.Select(p => p.Key).ToListAsync(cancellationToken);
        var missing = import.Value.NotYetIn(existing);
        db.Purposes.AddRange(missing);
        return new RegisterImportOutcome(missing.Count, import.Value.Purposes.Count - missing.Count);
    }
}

/// <summary>What an import of the default register did: purposes added, and purposes already there and left unchanged.</summary>
public sealed record RegisterImportOutcome(int Added, int Unchanged);
