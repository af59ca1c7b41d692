using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength).IsFixedLength().IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(ApiKey.HashLength).IsFixedLength().IsRequired();
        builder.Property(k => k.Scope).HasMaxLength(ApiKey.ScopeMaxLength).IsRequired();
        builder.Property(k => k.CreatedById).HasMaxLength(ApiKey.ActorIdMaxLength).IsRequired();
        builder.Property(k => k.CreatedByName).HasMaxLength(ApiKey.ActorNameMaxLength).IsRequired();
        builder.Property(k => k.RevokedById).HasMaxLength(ApiKey.ActorIdMaxLength);
        builder.Property(k => k.RevokedByName).HasMaxLength(ApiKey.ActorNameMaxLength);
        builder.Ignore(k => k.IsRevoked);
        // Every API call finds its key by the prefix.
        builder.HasIndex(k => k.Prefix).IsUnique();
    }
}

internal sealed class ApiKeyRequestConfiguration : IEntityTypeConfiguration<ApiKeyRequest>
{
    public void Configure(EntityTypeBuilder<ApiKeyRequest> builder)
    {
        builder.ToTable("ApiKeyRequests");
        builder.HasKey(l => l.RequestId);
        builder.HasIndex(l => l.ApiKeyId);
        builder.HasOne<DataSubjectRequest>().WithOne().HasForeignKey<ApiKeyRequest>(l => l.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(l => l.ApiKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.KeyHash).HasMaxLength(IdempotencyRecord.HashLength).IsFixedLength().IsRequired();
        builder.Property(r => r.BodyHash).HasMaxLength(IdempotencyRecord.HashLength).IsFixedLength().IsRequired();
        builder.Property(r => r.ResponseBody).IsRequired();
        builder.Property(r => r.Location).HasMaxLength(IdempotencyRecord.LocationMaxLength);
        // One answer per key and Idempotency-Key; a second, concurrent first attempt fails on this index and replays.
        builder.HasIndex(r => new { r.ApiKeyId, r.KeyHash }).IsUnique();
        // Expired answers are removed by age.
        builder.HasIndex(r => r.CreatedAt);
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(r => r.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
    }
}
