using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Deadlines;

namespace PrivacyDesk.Data.Configurations;

internal sealed class CompanyClosingDayConfiguration : IEntityTypeConfiguration<CompanyClosingDay>
{
    public void Configure(EntityTypeBuilder<CompanyClosingDay> builder)
    {
        builder.ToTable("CompanyClosingDays");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Description).HasMaxLength(CompanyClosingDay.DescriptionMaxLength).IsRequired();
        builder.Property(d => d.CreatedById).HasMaxLength(450);
        builder.Property(d => d.CreatedByName).HasMaxLength(256);
        // One closing day per date.
        builder.HasIndex(d => d.Date).IsUnique();
    }
}
