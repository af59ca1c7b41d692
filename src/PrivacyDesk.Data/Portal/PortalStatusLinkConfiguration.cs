using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrivacyDesk.Data.Portal;

internal sealed class PortalStatusLinkConfiguration : IEntityTypeConfiguration<PortalStatusLink>
{
    public void Configure(EntityTypeBuilder<PortalStatusLink> builder)
    {
        builder.ToTable("PortalStatusLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(PortalChallenge.HashMaxLength).IsRequired();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.RequestId);
    }
}
