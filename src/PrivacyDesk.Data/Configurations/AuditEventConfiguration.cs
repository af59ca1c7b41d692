using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Auditing;

namespace PrivacyDesk.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public const string AuditSequenceIndex = "UX_AuditEvents_Sequence";
    public const string AuditStreamIndex = "UX_AuditEvents_Stream";

    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasMaxLength(AuditEvent.ActionMaxLength).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(AuditEvent.EntityTypeMaxLength).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(AuditEvent.EntityIdMaxLength).IsRequired();
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(AuditEvent.ActorMaxLength).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.Hash).HasMaxLength(AuditEvent.HashLength).IsFixedLength().IsRequired();
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditEvent.HashLength).IsFixedLength();
        builder.Property(e => e.PreviousStreamHash).HasMaxLength(AuditEvent.HashLength).IsFixedLength();
        // Rows written before chain version 2 existed were hashed under version 1.
        builder.Property(e => e.ChainVersion).HasDefaultValue(AuditChain.LegacyVersion);
        builder.Property(e => e.Seal).HasMaxLength(AuditEvent.HashLength).IsFixedLength();
        // The uniqueness keeps the trail a chain: two writers can never both append sequence N (or stream position N).
        builder.HasIndex(e => e.Sequence).IsUnique().HasDatabaseName(AuditSequenceIndex);
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.StreamSequence }).IsUnique().HasDatabaseName(AuditStreamIndex);
        builder.HasIndex(e => e.OccurredAt);
    }
}
