using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Data.Configurations;

internal sealed class GeneratedDocumentConfiguration : IEntityTypeConfiguration<GeneratedDocument>
{
    public void Configure(EntityTypeBuilder<GeneratedDocument> builder)
    {
        builder.ToTable("GeneratedDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Language).HasMaxLength(GeneratedDocument.LanguageMaxLength).IsRequired();
        builder.Property(d => d.FileName).HasMaxLength(GeneratedDocument.FileNameMaxLength).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(GeneratedDocument.ContentTypeMaxLength).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(GeneratedDocument.Sha256Length).IsFixedLength().IsRequired();
        builder.Property(d => d.Content).IsRequired();
        builder.Property(d => d.CreatedById).HasMaxLength(GeneratedDocument.ActorIdMaxLength).IsRequired();
        builder.Property(d => d.CreatedByName).HasMaxLength(GeneratedDocument.ActorNameMaxLength).IsRequired();
        // Regenerating adds a version; two generations never get the same number. No filter on SQL Server,
        // so the register's record (no request) and letters without a recipient are numbered uniquely too.
        builder.HasIndex(d => new { d.RequestId, d.Kind, d.RecipientNotificationId, d.Version }).IsUnique().HasFilter(null);
        // The case lists its documents.
        builder.HasIndex(d => d.RequestId);
        builder.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(d => d.RequestId).IsRequired(false).OnDelete(DeleteBehavior.Cascade);
    }
}
