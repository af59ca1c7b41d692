using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyDesk.Domain.Delivery;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Data.Configurations;

internal sealed class DataSubjectRequestConfiguration : IEntityTypeConfiguration<DataSubjectRequest>
{
    /// <summary>"Status IN ('Received', …)" over the open statuses, in their declared order; valid in SQLite and SQL Server.</summary>
    public static string OpenStatusFilter { get; } =
        "Status IN (" + string.Join(", ", RequestStatuses.Open.Select(status => "'" + status + "'")) + ")";

    public void Configure(EntityTypeBuilder<DataSubjectRequest> builder)
    {
        builder.ToTable("Requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reference).HasMaxLength(20).IsRequired()
            .HasConversion(v => v.ToString(), v => RequestReference.Parse(v));
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.DuplicateOf).HasMaxLength(20)
            .HasConversion(v => v == null ? null : v.ToString(), v => v == null ? null : RequestReference.Parse(v));
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        // Anything but "Attachment" reads as the default link delivery: rows from before the column (empty) included.
        builder.Property(r => r.AnswerDelivery).HasMaxLength(20)
            .HasConversion(v => v.ToString(), v => v == nameof(AnswerDeliveryMethod.Attachment) ? AnswerDeliveryMethod.Attachment : AnswerDeliveryMethod.Link);
        builder.Property(r => r.Language).HasMaxLength(DataSubjectRequest.LanguageMaxLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(DataSubjectRequest.DescriptionMaxLength).IsRequired();
        builder.Property(r => r.HandlerId).HasMaxLength(DataSubjectRequest.ActorIdMaxLength);
        builder.Property(r => r.HandlerName).HasMaxLength(DataSubjectRequest.ActorNameMaxLength);
        builder.Property(r => r.SubmittedById).HasMaxLength(DataSubjectRequest.ActorIdMaxLength);
        builder.Property(r => r.ApprovedById).HasMaxLength(DataSubjectRequest.ActorIdMaxLength);
        builder.Property(r => r.ApprovedByName).HasMaxLength(DataSubjectRequest.ActorNameMaxLength);
        builder.Property(r => r.WithdrawalReason).HasMaxLength(DataSubjectRequest.ReasonMaxLength);
        JsonColumn.Value(builder.Property(r => r.ThirdParty));
        JsonColumn.Value(builder.Property(r => r.Extension));
        JsonColumn.Value(builder.Property(r => r.Fee));
        JsonColumn.Value(builder.Property(r => r.Refusal));
        JsonColumn.Value(builder.Property(r => r.ProposedRefusal));
        JsonColumn.Value(builder.Property(r => r.AutomatedDecisionReview));
        JsonColumn.Value(builder.Property(r => r.ConsentWithdrawalScope));

        // Kept in step by the domain (the extended deadline when extended); stored so the queue filters and sorts in SQL.
        builder.Property(r => r.EffectiveDueOn);
        builder.Property(r => r.Extension).HasField("_extension");

        // What the queue filters and sorts on; measured in bench/ (bench/results/queue.md). Open work
        // is a small, hot part of a table that is mostly closed cases: two partial indexes hold just the
        // open rows in deadline and in receipt order, so "all open", "overdue", "due within a week" and
        // an officer's view read the first page in order and stop, never sorting every open case. The
        // filter must be written exactly as EF writes the queue's status test (RequestQueue) for SQLite
        // to use it; a test checks the plan.
        var open = OpenStatusFilter;
        // Status rides along so counting open cases never reads the table. No (Status, …) index: SQLite,
        // without statistics, would prefer it and sort every open case.
        builder.HasIndex(r => new { r.EffectiveDueOn, r.Id, r.Status }, "IX_Requests_Open_EffectiveDueOn").HasFilter(open);
        builder.HasIndex(r => new { r.ReceivedAt, r.Id, r.Status }, "IX_Requests_Open_ReceivedAt").HasFilter(open);
        builder.HasIndex(r => new { r.HandlerId, r.Status, r.EffectiveDueOn });
        builder.HasIndex(r => new { r.HandlerId, r.Status, r.ReceivedAt });
        // Closed cases (most of the table) are read newest first, or by deadline, straight from these.
        builder.HasIndex(r => r.ReceivedAt);
        builder.HasIndex(r => r.EffectiveDueOn);
        builder.HasIndex(r => new { r.SubjectId, r.Type });
        // A search by name among open cases: the matching subjects' open cases, without reading their closed ones
        // (a common surname at 1,000,000 requests: 650 open among 28,000; RequestQueue.ApplyFilter). It covers what
        // the queue's filters and sorts read, so the page's ids come from it alone: only then does SQLite, without
        // statistics, prefer it to (SubjectId, Type). Wide, but it holds the open cases only.
        builder.HasIndex(r => new { r.SubjectId, r.EffectiveDueOn, r.Id, r.Status, r.HandlerId, r.ReceivedAt, r.Reference, r.Type }, "IX_Requests_Open_SubjectId")
            .HasFilter(open);
        // The SLA dashboard (bench/results/dashboard.md): open cases grouped by type, status, deadline and
        // age, and per handler, each from a covering partial index of the open rows (without them SQLite
        // read a million-entry handler index, or looked up every open row in the table).
        builder.HasIndex(r => new { r.Type, r.Status, r.EffectiveDueOn, r.DueOn, r.ReceivedOn }, "IX_Requests_Open_Type").HasFilter(open);
        builder.HasIndex(r => new { r.HandlerId, r.EffectiveDueOn, r.HandlerName, r.Type, r.Status }, "IX_Requests_Open_HandlerId").HasFilter(open);
        // Answered cases by answer date, covering every
        // column its figures group on, so a 30-day or 12-month window is a range of this index alone.
        builder.HasIndex(r => new { r.ClosedOn, r.Status, r.Type, r.HandlerId, r.ReceivedOn, r.EffectiveDueOn, r.DueOn }, "IX_Requests_Closed_ClosedOn")
            .HasFilter("ClosedOn IS NOT NULL");
        // Received per week: a range of receipt dates, with type and handler for the filters.
        builder.HasIndex(r => new { r.ReceivedOn, r.Type, r.HandlerId });
        // An officer's own figures: the same two ranges within one handler. Without them SQLite seeks the
        // handler's (HandlerId, Status, …) index and reads every case the officer ever closed from the table.
        builder.HasIndex(r => new { r.HandlerId, r.Status, r.ClosedOn, r.EffectiveDueOn, r.DueOn, r.ReceivedOn, r.Type }, "IX_Requests_Closed_HandlerId")
            .HasFilter("ClosedOn IS NOT NULL");
        builder.HasIndex(r => new { r.HandlerId, r.ReceivedOn, r.Type }, "IX_Requests_HandlerId_ReceivedOn");

        builder.OwnsMany(r => r.IdentityVerifications, v =>
        {
            v.ToTable("RequestIdentityVerifications");
            v.WithOwner().HasForeignKey("RequestId");
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.Method).HasConversion<string>().HasMaxLength(30);
            v.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
            v.Property(x => x.VerifiedById).HasMaxLength(DataSubjectRequest.ActorIdMaxLength);
            v.Property(x => x.VerifiedByName).HasMaxLength(DataSubjectRequest.ActorNameMaxLength);
            JsonColumn.Value(v.Property(x => x.IdCopy));
        });
        builder.OwnsMany(r => r.Decisions, d =>
        {
            d.ToTable("RequestPurposeDecisions");
            d.WithOwner().HasForeignKey("RequestId");
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedNever();
            d.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
            d.Property(x => x.RefusalGround).HasConversion<string>().HasMaxLength(40);
            d.Property(x => x.GroundReference).HasMaxLength(PurposeDecision.GroundReferenceMaxLength);
            d.Property(x => x.RemainingBasis).HasMaxLength(PurposeDecision.TextMaxLength);
            d.Property(x => x.Note).HasMaxLength(PurposeDecision.TextMaxLength);
            d.Property(x => x.DecidedById).HasMaxLength(DataSubjectRequest.ActorIdMaxLength);
            d.Property(x => x.DecidedByName).HasMaxLength(DataSubjectRequest.ActorNameMaxLength);
            d.Property(x => x.ReplacedById).HasMaxLength(DataSubjectRequest.ActorIdMaxLength);
        });
        builder.OwnsMany(r => r.Reviews, v =>
        {
            v.ToTable("RequestReviews");
            v.WithOwner().HasForeignKey("RequestId");
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        });
        builder.OwnsMany(r => r.RecipientNotifications, n =>
        {
            n.ToTable("RequestRecipientNotifications");
            n.WithOwner().HasForeignKey("RequestId");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedNever();
            n.Property(x => x.RecipientName).HasMaxLength(RecipientNotification.NameMaxLength);
            n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.EmailedTo).HasMaxLength(RecipientNotification.EmailMaxLength);
        });
        // Data collection (issue 4): one task per source system; extract bytes live in RequestCollectionExtracts.
        builder.OwnsMany(r => r.CollectionTasks, t =>
        {
            t.ToTable("RequestCollectionTasks");
            t.WithOwner().HasForeignKey("RequestId");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).ValueGeneratedNever();
            t.Property(x => x.SourceSystem).HasMaxLength(DataCollectionTask.SourceSystemMaxLength).IsRequired();
            t.Property(x => x.Contact).HasMaxLength(DataCollectionTask.ContactMaxLength);
            t.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.NotApplicableReason).HasMaxLength(DataCollectionTask.ReasonMaxLength);
            t.Property(x => x.ExtractFileName).HasMaxLength(DataCollectionTask.FileNameMaxLength);
            t.Property(x => x.ExtractSha256).HasMaxLength(DataCollectionTask.Sha256Length).IsFixedLength();
            t.Property(x => x.ClosedById).HasMaxLength(DataSubjectRequest.ActorIdMaxLength);
            t.Property(x => x.ClosedByName).HasMaxLength(DataSubjectRequest.ActorNameMaxLength);
            // "Collection overdue" lists open tasks by due date.
            t.HasIndex(x => new { x.Status, x.DueOn });
        });
        builder.Navigation(r => r.CollectionTasks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(r => r.Notes, n =>
        {
            n.ToTable("RequestNotes");
            n.WithOwner().HasForeignKey("RequestId");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedNever();
            n.Property(x => x.Text).HasMaxLength(CaseNote.TextMaxLength).IsRequired();
            n.Property(x => x.AuthorId).HasMaxLength(DataSubjectRequest.ActorIdMaxLength).IsRequired();
            n.Property(x => x.AuthorName).HasMaxLength(DataSubjectRequest.ActorNameMaxLength).IsRequired();
            // The case page lists a case's notes newest first.
            n.HasIndex("RequestId", nameof(CaseNote.WrittenAt));
        });
        builder.Navigation(nameof(DataSubjectRequest.Notes)).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(r => r.Messages, m =>
        {
            m.ToTable("RequestSubjectMessages");
            m.WithOwner().HasForeignKey("RequestId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
            m.Property(x => x.Topic).HasMaxLength(SubjectMessage.TopicMaxLength);
            m.Property(x => x.Text).HasMaxLength(SubjectMessage.TextMaxLength).IsRequired();
            m.HasIndex("RequestId", nameof(SubjectMessage.ReceivedAt));
        });
        builder.Navigation(nameof(DataSubjectRequest.Messages)).UsePropertyAccessMode(PropertyAccessMode.Field);
        foreach (var navigation in new[] { nameof(DataSubjectRequest.IdentityVerifications), nameof(DataSubjectRequest.Decisions), nameof(DataSubjectRequest.Reviews), nameof(DataSubjectRequest.RecipientNotifications) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
        builder.Ignore(r => r.CurrentDecisions);
        // Rectification's corrected values: read and written with the case, never queried (ADR 0009).
        builder.Ignore(r => r.Corrections);
        JsonColumn.List<DataSubjectRequest, Domain.Sources.Changes.SourceCorrection>(builder, "_corrections", "Corrections");
        builder.Ignore(r => r.IdCopiesAwaitingDeletion);
    }
}
