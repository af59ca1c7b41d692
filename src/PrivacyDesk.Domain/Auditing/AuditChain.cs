using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PrivacyDesk.Domain.Auditing;

/// <summary>How an audit entry is hashed and how a trail is checked. Any change to a stored field breaks the entry's hash.</summary>
public static class AuditChain
{
    private const char Separator = '\u001f';

    /// <summary>Whole milliseconds: what every database stores exactly, so a stored entry hashes as it did when written.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), value.Offset);

    public static string? ToJson(IReadOnlyDictionary<string, string?>? values) =>
        values is null || values.Count == 0 ? null : JsonSerializer.Serialize(values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary());

    public static string ComputeHash(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var canonical = string.Join(Separator,
            audit.Sequence.ToString(CultureInfo.InvariantCulture),
            audit.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            audit.ActorId ?? "",
            audit.ActorName,
            audit.Action,
            audit.EntityType,
            audit.EntityId,
            audit.Before ?? "",
            audit.After ?? "",
            audit.Reason ?? "",
            audit.Details ?? "",
            audit.StreamSequence.ToString(CultureInfo.InvariantCulture),
            audit.PreviousHash ?? "",
            audit.PreviousStreamHash ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Walks entries in trail order (by <see cref="AuditEvent.Sequence"/>) and reports the first
    /// broken link: a gap in the sequence, an entry whose content no longer matches its hash, or a
    /// link to a previous entry (of the trail or of its stream) that is not there.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditEvent> inTrailOrder) => Walk(new TrailWalker(), inTrailOrder);

    /// <summary>Checks the entries about one thing (e.g. one request) in stream order: each hash and each link to the previous one.</summary>
    public static AuditVerification VerifyStream(IEnumerable<AuditEvent> inStreamOrder) => Walk(new StreamWalker(), inStreamOrder);

    private static AuditVerification Walk(AuditWalker walker, IEnumerable<AuditEvent> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var audit in entries)
        {
            if (walker.Check(audit) is { } broken)
            {
                return broken;
            }
        }
        return walker.Result;
    }
}

/// <summary>Checks entries one at a time, so a long trail can be streamed from the database instead of loaded.</summary>
public abstract class AuditWalker
{
    protected int Checked { get; private set; }

    protected string? LastHash { get; set; }

    public AuditVerification Result => AuditVerification.Intact(Checked, LastHash);

    /// <summary>Returns the broken result at the first broken entry, otherwise null.</summary>
    public AuditVerification? Check(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Checked++;
        var problem = Inspect(audit);
        if (problem is not null)
        {
            return AuditVerification.Broken(Checked, problem.Value.Sequence, problem.Value.Break);
        }
        LastHash = audit.Hash;
        return null;
    }

    protected abstract (long Sequence, AuditBreak Break)? Inspect(AuditEvent audit);
}

/// <summary>The whole trail, in sequence order: gaps, content, the trail link and each stream's link.</summary>
public sealed class TrailWalker : AuditWalker
{
    private readonly Dictionary<(string, string), (int Sequence, string? Hash)> _streams = [];

    protected override (long Sequence, AuditBreak Break)? Inspect(AuditEvent audit)
    {
        if (audit.Sequence != Checked)
        {
            return (Checked, AuditBreak.MissingEntry);
        }
        if (audit.Hash != AuditChain.ComputeHash(audit))
        {
            return (audit.Sequence, AuditBreak.ContentChanged);
        }
        if (audit.PreviousHash != LastHash)
        {
            return (audit.Sequence, AuditBreak.TrailLinkBroken);
        }
        var key = (audit.EntityType, audit.EntityId);
        var stream = _streams.GetValueOrDefault(key, (0, null));
        if (audit.StreamSequence != stream.Sequence + 1 || audit.PreviousStreamHash != stream.Hash)
        {
            return (audit.Sequence, AuditBreak.StreamLinkBroken);
        }
        _streams[key] = (audit.StreamSequence, audit.Hash);
        return null;
    }
}

/// <summary>One stream (the entries about one thing), in stream order.</summary>
public sealed class StreamWalker : AuditWalker
{
    protected override (long Sequence, AuditBreak Break)? Inspect(AuditEvent audit)
    {
        if (audit.StreamSequence != Checked)
        {
            return (audit.Sequence, AuditBreak.MissingEntry);
        }
        if (audit.Hash != AuditChain.ComputeHash(audit))
        {
            return (audit.Sequence, AuditBreak.ContentChanged);
        }
        return audit.PreviousStreamHash != LastHash ? (audit.Sequence, AuditBreak.StreamLinkBroken) : null;
    }
}

public enum AuditBreak
{
    /// <summary>An entry is missing: deleted, or the sequence was altered.</summary>
    MissingEntry,

    /// <summary>An entry's content no longer matches its hash: it was edited after it was written.</summary>
    ContentChanged,

    /// <summary>An entry does not link to the entry before it in the trail.</summary>
    TrailLinkBroken,

    /// <summary>An entry does not link to the previous entry about the same thing.</summary>
    StreamLinkBroken,
}

/// <summary>The result of walking an audit trail: intact, or the first broken link.</summary>
public sealed record AuditVerification(bool IsIntact, int EntriesChecked, long? FirstBrokenSequence, AuditBreak? Break, string? LastHash)
{
    public static AuditVerification Intact(int entriesChecked, string? lastHash) => new(true, entriesChecked, null, null, lastHash);

    public static AuditVerification Broken(int entriesChecked, long sequence, AuditBreak reason) => new(false, entriesChecked, sequence, reason, null);
}
