using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrivacyDesk.Data.Portal;

internal sealed class PortalChallengeConfiguration : IEntityTypeConfiguration<PortalChallenge>
{
    public void Configure(EntityTypeBuilder<PortalChallenge> builder)
    {
        builder.ToTable("PortalChallenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CodeHash).HasMaxLength(PortalChallenge.HashMaxLength).IsRequired();
        builder.Property(c => c.EmailHash).HasMaxLength(PortalChallenge.HashMaxLength).IsRequired();
        builder.Property(c => c.ClientHash).HasMaxLength(PortalChallenge.HashMaxLength).IsRequired();
        builder.Property(c => c.PendingSubmission).HasMaxLength(PortalChallenge.PendingSubmissionMaxLength);
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        // The rate limits count recent challenges per address and per client (a database window, shared by every instance).
        builder.HasIndex(c => new { c.EmailHash, c.CreatedAt });
        builder.HasIndex(c => new { c.ClientHash, c.CreatedAt });
        builder.HasIndex(c => c.ExpiresAt);
    }
}
