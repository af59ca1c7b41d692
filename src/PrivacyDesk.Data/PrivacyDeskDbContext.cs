using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PrivacyDesk.Data.Identity;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Data;

/// <summary>The one database of PrivacyDesk: Identity, Data Protection keys and the domain.</summary>
public sealed class PrivacyDeskDbContext(DbContextOptions<PrivacyDeskDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Auditing.AuditTrailCheckpoint> AuditCheckpoints => Set<Auditing.AuditTrailCheckpoint>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Purpose> Purposes => Set<Purpose>();

    public DbSet<SourceSystem> SourceSystems => Set<SourceSystem>();

    public DbSet<Domain.Sources.Changes.SourceChangePlan> SourceChangePlans => Set<Domain.Sources.Changes.SourceChangePlan>();

    public DbSet<Domain.Sources.Changes.RetentionLedgerEntry> RetentionLedger => Set<Domain.Sources.Changes.RetentionLedgerEntry>();

    /// <summary>The one durable outbox of background work (ADR 0042).</summary>
    public DbSet<Outbox.OutboxMessage> OutboxMessages => Set<Outbox.OutboxMessage>();

    /// <summary>Every e-mail the product sends (ADR 0043), queued with the change that caused it.</summary>
    public DbSet<Mail.OutgoingEmail> OutgoingEmails => Set<Mail.OutgoingEmail>();

    /// <summary>One-time codes of the privacy portal (issue 16).</summary>
    public DbSet<Portal.PortalChallenge> PortalChallenges => Set<Portal.PortalChallenge>();

    public DbSet<Portal.PortalStatusLink> PortalStatusLinks => Set<Portal.PortalStatusLink>();
    /// <summary>Messages read from the office's privacy mailbox (ADR 0046).</summary>
    public DbSet<Inbox.InboxMessage> InboxMessages => Set<Inbox.InboxMessage>();

    /// <summary>How far the mailbox reader got per folder (UIDVALIDITY, last UID).</summary>
    public DbSet<Inbox.InboxFolderState> InboxFolderStates => Set<Inbox.InboxFolderState>();

    public DbSet<DataSubject> DataSubjects => Set<DataSubject>();

    public DbSet<DataSubjectRequest> Requests => Set<DataSubjectRequest>();

    public DbSet<RequestAttachment> RequestAttachments => Set<RequestAttachment>();

    public DbSet<CollectionExtractFile> CollectionExtracts => Set<CollectionExtractFile>();

    public DbSet<GeneratedDocument> GeneratedDocuments => Set<GeneratedDocument>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<ApiKeyRequest> ApiKeyRequests => Set<ApiKeyRequest>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<RequestReferenceCounter> RequestReferenceCounters => Set<RequestReferenceCounter>();

    public DbSet<CompanyClosingDay> CompanyClosingDays => Set<CompanyClosingDay>();

    public DbSet<ControllerProfile> ControllerProfiles => Set<ControllerProfile>();

    /// <summary>Answers delivered by e-mail link or attachment (issue 16, ADR 0045).</summary>
    public DbSet<PrivacyDesk.Domain.Delivery.ResponseDelivery> ResponseDeliveries => Set<PrivacyDesk.Domain.Delivery.ResponseDelivery>();

    /// <summary>
    /// Fixed here rather than read from IdentityOptions, so the design-time model (no app services)
    /// and the running app's model are the same. Version 2 is the current schema without passkeys.
    /// </summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PrivacyDeskDbContext).Assembly);

        // Optimistic concurrency on everything two people may edit: every aggregate carries a stamp
        // that changes with each change (see AuditTrailInterceptor), checked in the UPDATE's WHERE.
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(AggregateRoot).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            builder.Entity(entity.ClrType).Property<Guid>(ConcurrencyStamp).IsConcurrencyToken();
            builder.Entity(entity.ClrType).Ignore(nameof(AggregateRoot.PendingChanges));
        }
        if (Database.IsNpgsql())
        {
            PostgreSqlModel.Apply(builder);
        }
    }

    /// <summary>The shadow property that makes a second, stale save of an aggregate fail instead of overwriting.</summary>
    public const string ConcurrencyStamp = nameof(ConcurrencyStamp);

    /// <summary>
    /// Whether this context was opened by the case unit of work (ADR 0028). An existing case changed through any
    /// other context is a bug: <see cref="Auditing.AuditTrailInterceptor"/> refuses to save it. Registering a new case
    /// (an insert) needs no opening.
    /// </summary>
    public bool MayChangeCases { get; private set; }

    /// <summary>Opens this context for changes to existing cases; called only by the case unit of work (an architecture test holds it to that).</summary>
    public void AllowCaseChanges() => MayChangeCases = true;

    /// <summary>
    /// Outside an explicit transaction, a save is one unit: it passes the write gate (on a server database also
    /// across instances, ADR 0053) and runs in its own transaction through the execution strategy, so a retried attempt re-chains its audit
    /// entries (the interceptor runs again) instead of resending stale positions.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        using var gate = await WriteGate.EnterAsync(this, cancellationToken);
        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            await gate.HoldAcrossInstancesAsync(this, cancellationToken);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return count;
        });
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        using var gate = WriteGate.Enter(this);
        var saved = Database.CreateExecutionStrategy().Execute(() =>
        {
            using var transaction = Database.BeginTransaction();
            gate.HoldAcrossInstances(this);
            var count = base.SaveChanges(acceptAllChangesOnSuccess: false);
            transaction.Commit();
            return count;
        });
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }
        return saved;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot compare or sort DateTimeOffset in SQL; stored as a sortable 64-bit value there. PostgreSQL's
        // timestamptz keeps the instant but drops the offset, which the audit chain hashes (the controller's local
        // time): the same 64-bit value there keeps both, still ordered by instant (ADR 0047).
        if (Database.IsSqlite() || Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
