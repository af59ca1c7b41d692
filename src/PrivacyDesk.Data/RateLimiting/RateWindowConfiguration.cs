using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrivacyDesk.Data.RateLimiting;

internal sealed class RateWindowConfiguration : IEntityTypeConfiguration<RateWindow>
{
    public void Configure(EntityTypeBuilder<RateWindow> builder)
    {
        builder.ToTable(RateWindows.Table);
        builder.HasKey(w => w.Key);
        builder.Property(w => w.Key).HasMaxLength(RateWindow.KeyMaxLength).IsUnicode(false);
        // Pruning expired windows reads them by start.
        builder.HasIndex(w => w.WindowStart);
    }
}
