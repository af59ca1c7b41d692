using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrivacyDesk.Data.Inbox;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("InboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Folder).HasMaxLength(InboxMessage.FolderMaxLength).IsRequired();
        builder.Property(m => m.DedupeKey).HasMaxLength(InboxMessage.HeaderIdMaxLength).IsRequired();
        builder.Property(m => m.InternetMessageId).HasMaxLength(InboxMessage.HeaderIdMaxLength);
        builder.Property(m => m.InReplyTo).HasMaxLength(InboxMessage.HeaderIdMaxLength);
        builder.Property(m => m.References).HasMaxLength(InboxMessage.ReferencesMaxLength);
        builder.Property(m => m.FromAddress).HasMaxLength(InboxMessage.AddressMaxLength).IsRequired();
        builder.Property(m => m.FromName).HasMaxLength(InboxMessage.NameMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(InboxMessage.SubjectMaxLength).IsRequired();
        builder.Property(m => m.Language).HasMaxLength(2).IsRequired();
        builder.Property(m => m.SuggestedType).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Text).HasMaxLength(InboxMessage.TextMaxLength).IsRequired();
        builder.Property(m => m.Original).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.HandledById).HasMaxLength(450);
        builder.Property(m => m.HandledByName).HasMaxLength(InboxMessage.NameMaxLength);
        builder.Property(m => m.NotARequestReason).HasMaxLength(InboxMessage.ReasonMaxLength);
        builder.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        // Read once: the same message (by Message-ID) is never stored twice, even when the server renumbers the folder.
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        // A reply names an earlier message's Message-ID; the Inbox lists by status, newest first.
        builder.HasIndex(m => m.InternetMessageId);
        builder.HasIndex(m => new { m.Status, m.ArrivedAt });
    }
}

internal sealed class InboxFolderStateConfiguration : IEntityTypeConfiguration<InboxFolderState>
{
    public void Configure(EntityTypeBuilder<InboxFolderState> builder)
    {
        builder.ToTable("InboxFolderStates");
        builder.HasKey(s => s.Folder);
        builder.Property(s => s.Folder).HasMaxLength(InboxMessage.FolderMaxLength);
    }
}
