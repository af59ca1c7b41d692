using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Controller;

namespace PrivacyDesk.Data.Configurations;

internal sealed class ControllerProfileConfiguration : IEntityTypeConfiguration<ControllerProfile>
{
    public void Configure(EntityTypeBuilder<ControllerProfile> builder)
    {
        // One row (ControllerProfile.SingletonId), read by key: no other index is needed.
        builder.ToTable("ControllerProfiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(ControllerProfile.NameMaxLength).IsRequired();
        builder.Property(p => p.Address).HasMaxLength(ControllerProfile.AddressMaxLength).IsRequired();
        builder.Property(p => p.Phone).HasMaxLength(ControllerProfile.PhoneMaxLength);
        builder.Property(p => p.Email).HasMaxLength(ControllerProfile.EmailMaxLength).IsRequired();
        builder.Property(p => p.DpoName).HasMaxLength(ControllerProfile.NameMaxLength).IsRequired();
        builder.Property(p => p.DpoEmail).HasMaxLength(ControllerProfile.EmailMaxLength).IsRequired();
        JsonColumn.Value(builder.Property(p => p.OfficeHours)).HasMaxLength(500).IsRequired();
        builder.Property(p => p.TimeZoneId).HasMaxLength(ControllerProfile.TimeZoneIdMaxLength).IsRequired();
        builder.Ignore(p => p.Contact);
        builder.Ignore(p => p.DeadlineSettings);
    }
}
