using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Data.Configurations;

namespace PrivacyDesk.Data.Mail;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.ToTable("OutgoingEmails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(OutgoingEmail.KindMaxLength).IsRequired();
        builder.Property(e => e.To).HasMaxLength(OutgoingEmail.AddressMaxLength).IsRequired();
        builder.Property(e => e.Language).HasMaxLength(2).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(OutgoingEmail.SubjectMaxLength).IsRequired();
        builder.Property(e => e.TextBody).HasMaxLength(OutgoingEmail.BodyMaxLength).IsRequired();
        builder.Property(e => e.HtmlBody).HasMaxLength(OutgoingEmail.BodyMaxLength);
        builder.Property(e => e.MessageId).HasMaxLength(OutgoingEmail.MessageIdMaxLength).IsRequired();
        builder.Property(e => e.LastErrorCode).HasMaxLength(OutgoingEmail.ErrorCodeMaxLength);
        JsonColumn.Value(builder.Property(e => e.AttachmentDocumentIds));
        // A reply's In-Reply-To is looked up by Message-ID; a case lists its e-mails.
        builder.HasIndex(e => e.MessageId).IsUnique();
        builder.HasIndex(e => new { e.RequestId, e.QueuedAt });
        // The Outbox page lists what is waiting or failing, newest first.
        builder.HasIndex(e => new { e.SentAt, e.QueuedAt });
    }
}
