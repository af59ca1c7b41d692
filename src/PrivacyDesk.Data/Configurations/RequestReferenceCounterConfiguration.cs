using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrivacyDesk.Data.Configurations;

internal sealed class RequestReferenceCounterConfiguration : IEntityTypeConfiguration<RequestReferenceCounter>
{
    public void Configure(EntityTypeBuilder<RequestReferenceCounter> builder)
    {
        builder.ToTable("RequestReferenceCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
        builder.Property(c => c.LastSequence).IsConcurrencyToken();
    }
}
