using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Data.Configurations;

internal sealed class SourceSystemConfiguration : IEntityTypeConfiguration<SourceSystem>
{
    public void Configure(EntityTypeBuilder<SourceSystem> builder)
    {
        builder.ToTable("SourceSystems");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(SourceSystem.NameMaxLength).IsRequired();
        // One system per name whatever its case: purposes and collection tasks name systems, not ids.
        builder.Property(s => s.NormalizedName).HasMaxLength(SourceSystem.NameMaxLength).IsRequired();
        builder.HasIndex(s => s.NormalizedName).IsUnique();
        builder.Property(s => s.Owner).HasMaxLength(SourceSystem.OwnerMaxLength);
        builder.Property(s => s.Description).HasMaxLength(SourceSystem.DescriptionMaxLength);
        builder.Property(s => s.Connector).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ConnectionReference).HasMaxLength(SourceSystem.ConnectionReferenceMaxLength);
        builder.Property(s => s.ProtectedConnectionString).HasMaxLength(SourceSystem.ProtectedConnectionStringMaxLength);
        builder.Property(s => s.ErasureConnectionReference).HasMaxLength(SourceSystem.ConnectionReferenceMaxLength);
        builder.Property(s => s.ProtectedErasureConnectionString).HasMaxLength(SourceSystem.ProtectedConnectionStringMaxLength);
        builder.Property(s => s.MapSavedByName).HasMaxLength(200);
        // The map is read and written whole with its system, never queried (ADR 0009).
        JsonColumn.Value(builder.Property(s => s.Map)).IsRequired();
        builder.Ignore(s => s.IsActive);
        builder.Ignore(s => s.IsConnected);
        builder.Ignore(s => s.CanChange);
    }
}
