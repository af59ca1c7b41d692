using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Delivery;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Data.Configurations;

internal sealed class ResponseDeliveryConfiguration : IEntityTypeConfiguration<ResponseDelivery>
{
    public void Configure(EntityTypeBuilder<ResponseDelivery> builder)
    {
        builder.ToTable("ResponseDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.TokenHash).HasMaxLength(ResponseDelivery.TokenHashMaxLength).IsRequired();
        builder.Property(d => d.Method).HasConversion<string>().HasMaxLength(20);
        JsonColumn.Value(builder.Property(d => d.DocumentIds));
        builder.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        // The portal finds a link by its token's hash; one answer is delivered once per case, and each Art. 19 notice once (ADR 0051).
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.HasIndex(d => d.RequestId, "IX_ResponseDeliveries_RequestId").IsUnique().HasFilter("RecipientNotificationId IS NULL");
        builder.HasIndex(d => d.RecipientNotificationId).IsUnique();
        // The queue's "not yet downloaded": deliveries never downloaded, by case.
        builder.HasIndex(d => new { d.FirstDownloadedAt, d.RequestId });
    }
}
