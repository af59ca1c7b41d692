using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Data.Configurations;

internal sealed class RequestAttachmentConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> builder)
    {
        builder.ToTable("RequestAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(RequestAttachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(RequestAttachment.ContentTypeMaxLength).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(RequestAttachment.Sha256HexLength).IsFixedLength().IsRequired();
        builder.Property(a => a.Content).IsRequired();
        builder.Property(a => a.UploadedById).HasMaxLength(DataSubjectRequest.ActorIdMaxLength).IsRequired();
        builder.Property(a => a.UploadedByName).HasMaxLength(DataSubjectRequest.ActorNameMaxLength).IsRequired();
        // The case lists its attachments; an attachment never outlives its case.
        builder.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.RequestId);
    }
}
