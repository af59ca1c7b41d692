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

    /// <summary>Entries written before the length-prefixed form: fields joined by U+001F, which a field could itself contain.</summary>
    public const int LegacyVersion = 1;

    /// <summary>Every field length-prefixed and null told apart from empty, so no two entries share a canonical text.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The hash under the entry's own <see cref="AuditEvent.ChainVersion"/>; an unknown version hashes to nothing, so it never matches.</summary>
    public static string ComputeHash(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var canonical = audit.ChainVersion switch
        {
            LegacyVersion => LegacyCanonical(audit),
            CurrentVersion => Canonical(audit),
            _ => null,
        };
        return canonical is null ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Whether one stored entry still matches its own hash and, under a key, its seal: the check a single row can make alone.</summary>
    public static bool Holds(AuditEvent audit, AuditSealKey? key)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return audit.Hash == ComputeHash(audit) && (key is null || audit.ChainVersion < CurrentVersion || key.Matches(audit.Hash, audit.Seal));
    }

    private static string LegacyCanonical(AuditEvent audit) => string.Join(Separator,
        audit.Sequence.ToString(CultureInfo.InvariantCulture),
        Instant(audit.OccurredAt),
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

    /// <summary>Version 2: "pd-audit" and the version, then each field as its length, a colon and its text; a null field as a lone "~".</summary>
    private static string Canonical(AuditEvent audit)
    {
        var text = new StringBuilder("pd-audit;");
        foreach (var field in (string?[])[
            audit.ChainVersion.ToString(CultureInfo.InvariantCulture),
            audit.Sequence.ToString(CultureInfo.InvariantCulture),
            Instant(audit.OccurredAt),
            audit.ActorId,
            audit.ActorName,
            audit.Action,
            audit.EntityType,
            audit.EntityId,
            audit.Before,
            audit.After,
            audit.Reason,
            audit.Details,
            audit.StreamSequence.ToString(CultureInfo.InvariantCulture),
            audit.PreviousHash,
            audit.PreviousStreamHash])
        {
            text.Append(field is null ? "~" : $"{field.Length.ToString(CultureInfo.InvariantCulture)}:{field}").Append(';');
        }
        return text.ToString();
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Walks entries in trail order (by <see cref="AuditEvent.Sequence"/>) and reports the first
    /// broken link: a gap in the sequence, an entry whose content no longer matches its hash, or a
    /// link to a previous entry (of the trail or of its stream) that is not there.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditEvent> inTrailOrder) => Walk(new TrailWalker(), inTrailOrder);

    /// <summary>As <see cref="Verify(IEnumerable{AuditEvent})"/>, and each entry's seal under the key and each anchored head outside the table.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEvent> inTrailOrder, AuditSealKey? key, IReadOnlyList<AuditCheckpoint> anchors) =>
        Walk(new TrailWalker(key, anchors), inTrailOrder);

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
        return walker.Finish();
    }
}

/// <summary>Checks entries one at a time, so a long trail can be streamed from the database instead of loaded.</summary>
public abstract class AuditWalker
{
    protected long Checked { get; set; }

    protected string? LastHash { get; set; }

    /// <summary>The sequence of the last entry that passed; with <see cref="LastHash"/>, the head a checkpoint records.</summary>
    protected long LastSequence { get; set; }

    public AuditVerification Result => AuditVerification.Intact(Checked, LastHash, LastSequence);

    /// <summary>The result once every entry has passed: intact, unless something outside the entries says more were there.</summary>
    public virtual AuditVerification Finish() => Result;

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
        LastSequence = audit.Sequence;
        return null;
    }

    protected abstract (long Sequence, AuditBreak Break)? Inspect(AuditEvent audit);
}

/// <summary>
/// The whole trail, in sequence order: gaps, content, the trail link and each stream's link; with a key, each
/// entry's seal; with anchors kept outside the table, that the anchored entries are still there and unchanged.
/// </summary>
public sealed class TrailWalker(AuditSealKey? key = null, IReadOnlyList<AuditCheckpoint>? anchors = null) : AuditWalker
{
    private readonly Dictionary<(string, string), (int Sequence, string? Hash)> _streams = [];
    private readonly IReadOnlyList<AuditCheckpoint> _anchors = anchors ?? [];
    private int _newestVersion;

    /// <summary>
    /// Continues after an entry already verified (the monitor's checkpoint): the trail's head there and the head of
    /// each stream the new entries extend, as read from the verified part.
    /// </summary>
    public static TrailWalker ContinuingFrom(
        long sequence, string? hash, IReadOnlyDictionary<(string EntityType, string EntityId), (int Sequence, string? Hash)> streamHeads,
        AuditSealKey? key, IReadOnlyList<AuditCheckpoint> anchors)
    {
        ArgumentNullException.ThrowIfNull(streamHeads);
        var walker = new TrailWalker(key, anchors) { Checked = sequence, LastHash = hash, LastSequence = sequence };
        foreach (var head in streamHeads)
        {
            walker._streams[head.Key] = head.Value;
        }
        return walker;
    }

    public override AuditVerification Finish()
    {
        // Entries an anchor saw that are no longer there: the newest entries were deleted.
        var reached = _anchors.Where(a => a.Sequence > Checked).Select(a => (long?)a.Sequence).Min();
        return reached is null ? Result : AuditVerification.Broken(Checked, Checked + 1, AuditBreak.NewestEntriesMissing);
    }

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
        if (audit.ChainVersion < _newestVersion)
        {
            return (audit.Sequence, AuditBreak.OlderVersionAfterNewer);
        }
        _newestVersion = audit.ChainVersion;
        if (key is not null && audit.ChainVersion >= AuditChain.CurrentVersion && !key.Matches(audit.Hash, audit.Seal))
        {
            return (audit.Sequence, AuditBreak.SealMismatch);
        }
        if (audit.PreviousHash != LastHash)
        {
            return (audit.Sequence, AuditBreak.TrailLinkBroken);
        }
        var stream = _streams.GetValueOrDefault((audit.EntityType, audit.EntityId), (0, null));
        if (audit.StreamSequence != stream.Sequence + 1 || audit.PreviousStreamHash != stream.Hash)
        {
            return (audit.Sequence, AuditBreak.StreamLinkBroken);
        }
        if (_anchors.Any(a => a.Sequence == audit.Sequence && a.Hash != audit.Hash))
        {
            return (audit.Sequence, AuditBreak.AnchorMismatch);
        }
        _streams[(audit.EntityType, audit.EntityId)] = (audit.StreamSequence, audit.Hash);
        return null;
    }
}

/// <summary>One stream (the entries about one thing), in stream order.</summary>
public sealed class StreamWalker(AuditSealKey? key = null) : AuditWalker
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
        if (key is not null && audit.ChainVersion >= AuditChain.CurrentVersion && !key.Matches(audit.Hash, audit.Seal))
        {
            return (audit.Sequence, AuditBreak.SealMismatch);
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

    /// <summary>An entry's seal does not match its hash: it was rewritten by someone without the anchor key.</summary>
    SealMismatch,

    /// <summary>An entry of an older chain version follows a newer one: a rewrite in the older, unsealed form.</summary>
    OlderVersionAfterNewer,

    /// <summary>An anchor kept outside the table recorded another hash for this entry: the trail was rewritten from here.</summary>
    AnchorMismatch,

    /// <summary>An anchor kept outside the table saw entries beyond the trail's end: the newest entries were deleted.</summary>
    NewestEntriesMissing,

    /// <summary>An anchor's own seal does not verify: it was written or changed without the key.</summary>
    AnchorForged,

    /// <summary>A column that repeats an audited fact (a request's handler or status) disagrees with the trail.</summary>
    RecordDisagrees,
}

/// <summary>The result of walking an audit trail: intact, or the first broken link.</summary>
public sealed record AuditVerification(
    bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, AuditBreak? Break, string? LastHash, long LastSequence = 0, string? Detail = null)
{
    public static AuditVerification Intact(long entriesChecked, string? lastHash, long lastSequence = 0) =>
        new(true, entriesChecked, null, null, lastHash, lastSequence);

    public static AuditVerification Broken(long entriesChecked, long sequence, AuditBreak reason, string? detail = null) =>
        new(false, entriesChecked, sequence, reason, null, 0, detail);
}
