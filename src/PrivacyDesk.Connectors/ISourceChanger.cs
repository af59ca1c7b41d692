using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;

namespace PrivacyDesk.Connectors;

/// <summary>
/// Carries out a system's planned changes (issue 15, ADR 0040): a dry run that counts, execution in one transaction
/// per system that refuses rows the dry run did not approve (except rows added since), and proof by re-querying.
/// Identifiers come from the map (the catalog) and are quoted; every value is a parameter. The connection string
/// is the system's ERASURE connection (a user allowed to delete and update), never the read-only one.
/// </summary>
public interface ISourceChanger
{
    ConnectorKind Kind { get; }

    /// <summary>Counts now, inside a transaction that is rolled back: per change its statement, masked parameters, row count and key hashes. Nothing changes.</summary>
    Task<Result<IReadOnlyList<DryRunStatement>>> DryRunAsync(string connectionString, SourceChangeRun run, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the approved statements in order in ONE transaction: the subject's rows are locked and compared with the
    /// approved key hashes; a row the dry run approved that no longer matches fails the whole system with
    /// <c>source.change.plan_changed</c> (nothing committed); rows added since are allowed and counted. Any failure rolls back
    /// this system only. After commit, re-queries and returns the proof.
    /// </summary>
    Task<Result<SourceChangeOutcome>> ExecuteAsync(string connectionString, SourceChangeRun run, IReadOnlyList<DryRunStatement> approved, CancellationToken cancellationToken);

    /// <summary>After a restore from backup: finds the subject again by the keyed hashes of its identifiers (scanning the identity columns), for re-applying a completed erasure.</summary>
    Task<Result<SubjectKeys>> FindSubjectAsync(string connectionString, DataMap map, IReadOnlyCollection<string> subjectKeyHashes, byte[] hashKey, ChangeLimits limits, CancellationToken cancellationToken);
}

/// <param name="Plan">The system's planned changes (execution order).</param>
/// <param name="Walk">The retrieval walk of the system's map: how the subject's rows of each table are found.</param>
/// <param name="Subject">The subject's identifiers.</param>
/// <param name="HashKey">The key for keyed hashes (masks, row keys, subject keys); from configuration, never stored with the data.</param>
/// <param name="SubjectPseudonym">Stable per subject (the case's subject id): the keyed-hash mask is HMAC(key, pseudonym | table | column).</param>
public sealed record SourceChangeRun(SystemChangePlan Plan, RetrievalPlan Walk, SubjectKeys Subject, byte[] HashKey, string SubjectPseudonym, ChangeLimits Limits);

/// <param name="MaxRowsPerTable">Above this a statement needs the approver's second confirmation; execution never exceeds approved + added since.</param>
public sealed record ChangeLimits(TimeSpan StatementTimeout, int MaxRowsPerTable)
{
    public static ChangeLimits Default { get; } = new(TimeSpan.FromSeconds(30), 10_000);
}

/// <summary>What ran (the approved statements with their executed counts and rows added since) and the proof.</summary>
public sealed record SourceChangeOutcome(IReadOnlyList<DryRunStatement> Executed, SystemProof Proof);
