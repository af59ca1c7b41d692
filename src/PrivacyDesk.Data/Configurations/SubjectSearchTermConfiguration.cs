using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Data.Configurations;

internal sealed class SubjectSearchTermConfiguration : IEntityTypeConfiguration<SubjectSearchTerm>
{
    public void Configure(EntityTypeBuilder<SubjectSearchTerm> builder)
    {
        builder.ToTable("SubjectSearchTerms");
        builder.HasKey(t => new { t.SubjectId, t.Term });
        builder.Property(t => t.Term).HasMaxLength(SubjectSearchTerm.TermMaxLength).IsRequired();
        // Prefix search is a range scan on this index: Term >= 'jan' AND Term < 'jan' + U+FFFF.
        builder.HasIndex(t => new { t.Term, t.SubjectId });
    }
}
