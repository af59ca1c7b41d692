using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Data.Configurations;

internal sealed class CollectionExtractFileConfiguration : IEntityTypeConfiguration<CollectionExtractFile>
{
    public void Configure(EntityTypeBuilder<CollectionExtractFile> builder)
    {
        builder.ToTable("RequestCollectionExtracts");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.FileName).HasMaxLength(DataCollectionTask.FileNameMaxLength).IsRequired();
        builder.Property(f => f.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.Sha256).HasMaxLength(DataCollectionTask.Sha256Length).IsFixedLength().IsRequired();
        builder.Property(f => f.Content).IsRequired();
        builder.Property(f => f.UploadedById).HasMaxLength(DataSubjectRequest.ActorIdMaxLength).IsRequired();
        builder.Property(f => f.UploadedByName).HasMaxLength(DataSubjectRequest.ActorNameMaxLength).IsRequired();
        builder.Ignore(f => f.Receipt);
        // How a fetched extract was read (issue 14); all null for an upload.
        JsonColumn.Value(builder.Property(f => f.TableRowCounts));
        JsonColumn.Value(builder.Property(f => f.QueryTexts));
        // Extracts are read per case and per task; they go when the case goes.
        builder.HasIndex(f => new { f.RequestId, f.TaskId });
        builder.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
