using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Sources.Changes;

namespace PrivacyDesk.Data.Configurations;

internal sealed class SourceChangePlanConfiguration : IEntityTypeConfiguration<SourceChangePlan>
{
    public void Configure(EntityTypeBuilder<SourceChangePlan> builder)
    {
        builder.ToTable("SourceChangePlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Fingerprint).HasMaxLength(SourceChangePlan.FingerprintMaxLength).IsRequired();
        builder.Property(p => p.CreatedById).HasMaxLength(100);
        builder.Property(p => p.CreatedByName).HasMaxLength(256).IsRequired();
        builder.Property(p => p.HandlerId).HasMaxLength(100);
        builder.Property(p => p.ApprovedById).HasMaxLength(100);
        builder.Property(p => p.ApprovedByName).HasMaxLength(256);
        // The systems' plans, dry runs and proofs are read and written whole with their plan, never queried (ADR 0009).
        builder.Ignore(p => p.Systems);
        builder.Ignore(p => p.SubjectKeyHashes);
        builder.Ignore(p => p.IsOpen);
        JsonColumn.List<SourceChangePlan, PlannedSystem>(builder, "_systems", "Systems");
        JsonColumn.List<SourceChangePlan, string>(builder, "_subjectKeyHashes", "SubjectKeyHashes");
        // A case's plans newest first; the team lead's list of plans waiting for approval; follow-ups by their ledger entry.
        builder.HasIndex(p => new { p.RequestId, p.Version });
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        builder.HasIndex(p => p.RetentionEntryId);
    }
}

internal sealed class RetentionLedgerEntryConfiguration : IEntityTypeConfiguration<RetentionLedgerEntry>
{
    public void Configure(EntityTypeBuilder<RetentionLedgerEntry> builder)
    {
        builder.ToTable("RetentionLedger");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.SystemName).HasMaxLength(Domain.Sources.SourceSystem.NameMaxLength).IsRequired();
        builder.Property(e => e.PurposeKey).HasMaxLength(Domain.Register.Purpose.KeyMaxLength).IsRequired();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(e => e.Tables);
        JsonColumn.List<RetentionLedgerEntry, string>(builder, "_tables", "Tables");
        JsonColumn.Value(builder.Property(e => e.Retention)).IsRequired();
        // The runner's "due" scan and the dashboard's months; a subject's entries when its relationship ends; a case's entries.
        builder.HasIndex(e => new { e.Status, e.EndsOn });
        builder.HasIndex(e => e.SubjectId);
        builder.HasIndex(e => e.RequestId);
    }
}
