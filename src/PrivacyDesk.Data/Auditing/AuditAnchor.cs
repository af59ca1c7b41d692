using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Auditing;

namespace PrivacyDesk.Data.Auditing;

/// <summary>Settings of section <c>AuditAnchor</c>: what keeps the trail's head outside the table it protects (ADR 0010).</summary>
public sealed class AuditAnchorOptions
{
    public const string SectionName = "AuditAnchor";

    /// <summary>The secret that seals entries and checkpoints (at least 32 characters). Never in the database; required outside Development.</summary>
    public string? Key { get; set; }

    /// <summary>A folder outside the database (another disk or share) for the checkpoint file; none when empty.</summary>
    public string? CheckpointFolder { get; set; }

    /// <summary>How often the monitor verifies the entries written since its last checkpoint.</summary>
    public TimeSpan VerifyInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often it walks the whole trail again, for edits to entries it already verified.</summary>
    public TimeSpan FullVerifyInterval { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>The configured key and where the trail's verified heads are kept: a row per checkpoint in the database and, if set, a file outside it.</summary>
public sealed class AuditAnchor(AuditAnchorOptions options, IDbContextFactory<PrivacyDeskDbContext> databases)
{
    public const string CheckpointFileName = "audit-checkpoint.json";
    public const string DatabaseSource = "database";
    public const string FileSource = "file";

    private static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true };

    public AuditSealKey? Key { get; } = AuditSealKey.FromSecret(options.Key);

    public AuditAnchorOptions Options => options;

    private string? FilePath => string.IsNullOrWhiteSpace(options.CheckpointFolder) ? null : Path.Combine(options.CheckpointFolder, CheckpointFileName);

    /// <summary>The newest checkpoint in the database, or null.</summary>
    public async Task<AuditCheckpoint?> LatestStoredAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Sequence).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new AuditCheckpoint(row.Sequence, row.Hash, row.RecordedAt, row.Seal);
    }

    /// <summary>The checkpoint file's content; a file that cannot be read as one is reported as forged (sequence 0).</summary>
    public async Task<AuditCheckpoint?> FileAsync(CancellationToken cancellationToken)
    {
        if (FilePath is not { } path || !File.Exists(path))
        {
            return null;
        }
        try
        {
            await using var stream = File.OpenRead(path);
            var file = await JsonSerializer.DeserializeAsync<CheckpointFile>(stream, cancellationToken: cancellationToken);
            return file is null ? Unreadable : new AuditCheckpoint(file.Sequence, file.Hash, file.RecordedAt, file.Seal);
        }
        catch (JsonException)
        {
            return Unreadable;
        }
    }

    private static AuditCheckpoint Unreadable => new(0, "", DateTimeOffset.MinValue, "");

    /// <summary>Records a verified head in the database and in the file; only with a key, and never backwards.</summary>
    public async Task RecordAsync(long sequence, string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Key is null || sequence <= 0)
        {
            return;
        }
        var checkpoint = AuditCheckpoint.Sealed(sequence, hash, now, Key);
        var stored = await LatestStoredAsync(cancellationToken);
        if (stored is null || stored.Sequence < sequence)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            db.AuditCheckpoints.Add(new AuditTrailCheckpoint(checkpoint));
            await db.SaveChangesAsync(cancellationToken);
        }
        if (FilePath is { } path && (await FileAsync(cancellationToken) is not { } file || file.Sequence < sequence))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(
                new CheckpointFile(checkpoint.Sequence, checkpoint.Hash, checkpoint.RecordedAt, checkpoint.Seal), FileJson), cancellationToken);
            // Replaced in one move, so a reader never sees half a file.
            File.Move(temporary, path, overwrite: true);
        }
    }

    /// <summary>Every anchor there is: the newest database checkpoint and the file's.</summary>
    public async Task<IReadOnlyList<(string Source, AuditCheckpoint Checkpoint)>> AnchorsAsync(CancellationToken cancellationToken)
    {
        var anchors = new List<(string, AuditCheckpoint)>();
        if (await LatestStoredAsync(cancellationToken) is { } stored)
        {
            anchors.Add((DatabaseSource, stored));
        }
        if (await FileAsync(cancellationToken) is { } file)
        {
            anchors.Add((FileSource, file));
        }
        return anchors;
    }

    private sealed record CheckpointFile(long Sequence, string Hash, DateTimeOffset RecordedAt, string Seal);
}

/// <summary>A verified head of the trail, stored by the monitor: where the next incremental verification starts.</summary>
public sealed class AuditTrailCheckpoint
{
    private AuditTrailCheckpoint()
    {
    }

    public AuditTrailCheckpoint(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Sequence = checkpoint.Sequence;
        Hash = checkpoint.Hash;
        RecordedAt = checkpoint.RecordedAt;
        Seal = checkpoint.Seal;
    }

    public long Id { get; private set; }

    public long Sequence { get; private set; }

    public string Hash { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public string Seal { get; private set; } = "";
}
