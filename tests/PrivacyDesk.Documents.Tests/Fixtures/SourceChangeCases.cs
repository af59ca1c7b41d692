using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;

namespace PrivacyDesk.Documents.Tests.Fixtures;

/// <summary>
/// The erasure case of <see cref="CaseFileCases"/> carried out in its systems (issue 15): the core system erased by
/// PrivacyDesk and proven, the archive confirmed by hand, the Wwft rows of the account purpose kept in the ledger.
/// </summary>
public static class SourceChangeCases
{
    public const string CoreSystem = "Kernbank";
    public const string ArchiveSystem = "Archief";
    public const string FailedSystem = "Marketingplatform";
    public const string HandNote = "Archiefteam heeft dossier 4711 vernietigd, bevestigd per e-mail van 3 december.";
    public static readonly Guid CoreId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid ArchiveId = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    public static readonly Guid FailedId = Guid.Parse("0193a000-0000-7000-8000-000000000003");
    public const string DeleteHash = "9f2c4a1b7e3d5f60112233445566778899aabbccddeeff00112233445566778899";
    public const string MaskHash = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809";

    /// <summary>The case document input with a carried-out plan; <paramref name="run"/> false leaves the plan approved but not run.</summary>
    public static CaseDocumentInput Carried(string language = "nl", bool run = true, bool failMarketing = false)
    {
        var input = CaseFileCases.Case(language);
        var account = input.Purposes.Single(p => p.Key == "account");
        var newsletter = input.Purposes.Single(p => p.Key == "newsletter");
        var core = new SystemChangePlan(CoreId, CoreSystem, ConnectorKind.PostgreSql, 3,
            [
                new PlannedTableChange("public", "newsletter_contacts", SourceChangeOperation.DeleteRows, [], [newsletter.Key]),
                new PlannedTableChange("public", "customers", SourceChangeOperation.MaskColumns,
                    [new PlannedColumnChange("email", MaskStrategy.KeyedHash, null)], [account.Key],
                    "Rijen blijven: de transacties verwijzen ernaar."),
            ],
            [new KeptData("public", "transactions", account.Id, account.Key, account.Retention, new DateOnly(2031, 3, 1), ["amount", "booked_on"])],
            []);
        var archive = new SystemChangePlan(ArchiveId, ArchiveSystem, ConnectorKind.Manual, 0, [],
            [], [new HandInstruction(null, SourceChangeOperation.DeleteRows, [newsletter.Key], "Handmatig systeem")]);
        var marketing = new SystemChangePlan(FailedId, FailedSystem, ConnectorKind.PostgreSql, 1,
            [new PlannedTableChange("public", "contacts", SourceChangeOperation.DeleteRows, [], [newsletter.Key])], [], []);
        var counted = CaseFileCases.At(170);
        var coreRun = new[]
        {
            new DryRunStatement(1, "public", "newsletter_contacts", SourceChangeOperation.DeleteRows,
                "DELETE FROM \"public\".\"newsletter_contacts\" WHERE \"contact_id\" = ANY(@keys)", ["@keys = 2 sleutels"], 2, ["aa11", "bb22"], DeleteHash),
            new DryRunStatement(2, "public", "customers", SourceChangeOperation.MaskColumns,
                "UPDATE \"public\".\"customers\" SET \"email\" = @m0 WHERE \"customer_id\" = ANY(@keys)", ["@m0 = keyed hash", "@keys = 1 sleutel"], 1, ["cc33"], MaskHash),
        };
        var systems = new List<PlannedSystem>
        {
            new(core, coreRun, counted, PlannedSystemState.Pending),
            new(archive, [], counted, PlannedSystemState.Pending),
        };
        if (failMarketing)
        {
            systems.Add(new(marketing, [new DryRunStatement(1, "public", "contacts", SourceChangeOperation.DeleteRows,
                "DELETE FROM \"public\".\"contacts\" WHERE \"contact_id\" = ANY(@keys)", ["@keys = 1 sleutel"], 1, ["dd44"], DeleteHash)], counted, PlannedSystemState.Pending));
        }
        var plan = Ok(SourceChangePlan.ForCase(input.Request, 1, "fingerprint-1", systems, ["hash-of-customer-number"], CaseFileCases.Officer, counted));
        Ok(plan.Approve(CaseFileCases.TeamLead, CaseFileCases.At(171), 10_000, confirmLargeChange: false));
        var entries = new List<RetentionLedgerEntry>();
        if (run)
        {
            var started = CaseFileCases.At(172);
            var executed = coreRun.Select(s => s with { ExecutedCount = s.RowCount, AddedSince = s.Order == 1 ? 1 : 0 }).ToList();
            var proof = new SystemProof(started, started.AddSeconds(2), 3,
            [
                new TableProof("public", "newsletter_contacts", 0, 0, [], true, DeleteHash),
                new TableProof("public", "customers", 1, 1, ["email"], true, MaskHash),
            ]);
            Ok(plan.RecordDone(CoreId, executed, proof, started.AddSeconds(2)));
            Ok(plan.ConfirmByHand(ArchiveId, HandNote, CaseFileCases.Officer, CaseFileCases.At(173)));
            if (failMarketing)
            {
                Ok(plan.RecordFailed(FailedId, "source.unreachable", CaseFileCases.At(172)));
            }
            entries.Add(Ok(RetentionLedgerEntry.Keep(plan, input.Request.Id, core, core.Kept[0], CaseFileCases.Officer, started.AddSeconds(2))));
        }
        return input with { SourceChanges = [plan], RetentionEntries = entries };
    }

    private static T Ok<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new InvalidOperationException(string.Join(", ", result.Errors));

    private static void Ok(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors));
        }
    }
}
