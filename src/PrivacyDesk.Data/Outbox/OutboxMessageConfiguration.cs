using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrivacyDesk.Data.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasMaxLength(OutboxMessage.KindMaxLength).IsRequired();
        builder.Property(m => m.Payload).HasMaxLength(OutboxMessage.PayloadMaxLength).IsRequired();
        builder.Property(m => m.LastErrorCode).HasMaxLength(OutboxMessage.ErrorCodeMaxLength);
        builder.Property(m => m.ClaimedBy).HasMaxLength(OutboxMessage.ClaimedByMaxLength);
        // The claim query: open messages (CompletedAt null) by due time.
        builder.HasIndex(m => new { m.CompletedAt, m.DueAt });
    }
}
