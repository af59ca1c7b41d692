using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Register;

namespace PrivacyDesk.Data.Configurations;

internal sealed class PurposeConfiguration : IEntityTypeConfiguration<Purpose>
{
    public void Configure(EntityTypeBuilder<Purpose> builder)
    {
        builder.ToTable("Purposes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Key).HasMaxLength(100).IsRequired();
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => p.Status);
        builder.OwnsOne(p => p.Name, n =>
        {
            n.Property(t => t.Nl).HasColumnName("NameNl").HasMaxLength(300).IsRequired();
            n.Property(t => t.En).HasColumnName("NameEn").HasMaxLength(300).IsRequired();
        });
        builder.OwnsOne(p => p.Description, d =>
        {
            d.Property(t => t.Nl).HasColumnName("DescriptionNl").IsRequired();
            d.Property(t => t.En).HasColumnName("DescriptionEn").IsRequired();
        });
        builder.Ignore(p => p.LawfulBases);
        builder.Ignore(p => p.SubjectCategories);
        builder.Ignore(p => p.DataCategories);
        builder.Ignore(p => p.Recipients);
        builder.Ignore(p => p.SourceSystems);
        builder.Ignore(p => p.Transfers);
        JsonColumn.List<Purpose, LawfulBasis>(builder, "_lawfulBases", "LawfulBases");
        JsonColumn.List<Purpose, SubjectCategory>(builder, "_subjectCategories", "SubjectCategories");
        JsonColumn.List<Purpose, DataCategory>(builder, "_dataCategories", "DataCategories");
        JsonColumn.List<Purpose, Recipient>(builder, "_recipients", "Recipients");
        JsonColumn.List<Purpose, string>(builder, "_sourceSystems", "SourceSystems");
        JsonColumn.List<Purpose, Transfer>(builder, "_transfers", "Transfers");
        JsonColumn.Value(builder.Property(p => p.Retention));
        JsonColumn.Value(builder.Property(p => p.AutomatedDecisionMaking));
        JsonColumn.Value(builder.Property(p => p.SpecialCategoryData));
        JsonColumn.Value(builder.Property(p => p.CriminalData));
        builder.Property(p => p.RetirementReason).HasMaxLength(2000);
        builder.Ignore(p => p.Definition);
    }
}
