using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Data.Configurations;

internal sealed class DataSubjectConfiguration : IEntityTypeConfiguration<DataSubject>
{
    public void Configure(EntityTypeBuilder<DataSubject> builder)
    {
        builder.ToTable("DataSubjects");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.FullName).HasMaxLength(300).IsRequired();
        builder.Property(s => s.Phone).HasMaxLength(50);
        builder.Property(s => s.CustomerNumber).HasMaxLength(50);
        // Existing subjects read as Unknown: letters then address them by full name, never by a guessed title.
        builder.Property(s => s.Salutation).HasConversion<string>().HasMaxLength(20).HasDefaultValue(Salutation.Unknown);
        builder.HasIndex(s => s.CustomerNumber);
        builder.Ignore(s => s.EmailAddresses);
        builder.Ignore(s => s.Categories);
        builder.Ignore(s => s.PurposeOverrides);
        JsonColumn.List<DataSubject, string>(builder, "_emailAddresses", "EmailAddresses");
        JsonColumn.List<DataSubject, SubjectCategory>(builder, "_categories", "Categories");
        JsonColumn.List<DataSubject, PurposeOverride>(builder, "_purposeOverrides", "PurposeOverrides");

        builder.OwnsMany(s => s.Consents, c =>
        {
            c.ToTable("ConsentRecords");
            c.WithOwner().HasForeignKey("SubjectId");
            c.HasKey(r => r.Id);
            c.Property(r => r.Id).ValueGeneratedNever();
            c.Property(r => r.Channel).HasConversion<string>().HasMaxLength(30);
            c.Property(r => r.WordingVersion).HasMaxLength(100);
            c.HasIndex(r => r.PurposeId);
        });
        builder.Navigation(s => s.Consents).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.CreditReferenceInquiries, c =>
        {
            c.ToTable("CreditReferenceInquiries");
            c.WithOwner().HasForeignKey("SubjectId");
            c.HasKey(r => r.Id);
            c.Property(r => r.Id).ValueGeneratedNever();
            c.Property(r => r.RequestedBy).HasMaxLength(300);
            c.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        });
        builder.Navigation(s => s.CreditReferenceInquiries).UsePropertyAccessMode(PropertyAccessMode.Field);

        // A plain one-to-many, not owned, so a search can query the terms on their own index.
        builder.HasMany(s => s.SearchTerms).WithOne().HasForeignKey(t => t.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.SearchTerms).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
