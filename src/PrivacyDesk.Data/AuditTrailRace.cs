namespace PrivacyDesk.Data;

/// <summary>
/// Two writers that read the end of the audit trail at the same moment both try to append the same
/// position; the unique index lets only one win. The loser's whole unit is retried, re-reading the end.
/// </summary>
public static class AuditTrailRace
{
    public static bool IsAuditChainConflict(string message) =>
        message.Contains("UX_AuditEvents_", StringComparison.Ordinal)
        || message.Contains("AuditEvents.Sequence", StringComparison.Ordinal)
        || message.Contains("AuditEvents.StreamSequence", StringComparison.Ordinal);
}
