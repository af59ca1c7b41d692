using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Data.Auditing;
using PrivacyDesk.Domain.Auditing;

namespace PrivacyDesk.Data.Configurations;

internal sealed class AuditTrailCheckpointConfiguration : IEntityTypeConfiguration<AuditTrailCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditTrailCheckpoint> builder)
    {
        builder.ToTable("AuditCheckpoints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Hash).HasMaxLength(AuditEvent.HashLength).IsFixedLength().IsRequired();
        builder.Property(c => c.Seal).HasMaxLength(AuditEvent.HashLength).IsFixedLength().IsRequired();
        builder.HasIndex(c => c.Sequence);
    }
}
