namespace PrivacyDesk.Domain.Sources.Changes;

/// <summary>The audit action codes of carrying out decisions in source systems and of the retention ledger (issue 15, ADR 0040).</summary>
public static class SourceChangeActions
{
    public const string Planned = "source.change.planned";
    public const string Approved = "source.change.approved";
    public const string SystemDone = "source.change.system_done";
    public const string SystemFailed = "source.change.system_failed";
    public const string NeedsNewApproval = "source.change.needs_new_approval";
    public const string ConfirmedByHand = "source.change.confirmed_by_hand";
    public const string Superseded = "source.change.superseded";

    public const string EntryKept = "retention.entry.kept";
    public const string EntryRecomputed = "retention.entry.recomputed";
    public const string EntryFollowUpPlanned = "retention.entry.follow_up_planned";
    public const string EntryErased = "retention.entry.erased";
    public const string EntryCancelled = "retention.entry.cancelled";

    public const string CorrectionRecorded = "request.correction.recorded";
    public const string CorrectionRemoved = "request.correction.removed";
    public const string ErasureConnectionSet = "source.system.erasure_connection_set";
}
