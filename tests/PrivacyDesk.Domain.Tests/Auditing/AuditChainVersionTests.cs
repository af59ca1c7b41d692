using PrivacyDesk.Domain.Auditing;

namespace PrivacyDesk.Domain.Tests.Auditing;

/// <summary>Chain version 2 (length-prefixed fields), the anchor key's seals and anchored heads, and columns checked against the trail.</summary>
public sealed class AuditChainVersionTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly AuditSealKey Key = AuditSealKey.FromSecret("test-anchor-key-0123456789-abcdefghijklmnop")!;
    private static readonly DateTimeOffset At = new(2026, 3, 5, 9, 15, 0, TimeSpan.Zero);

    private static AuditEvent Entry(int minute, string entityId, string? reason = null, string? details = null, string? after = null)
    {
        var audit = AuditEvent.Record(At.AddMinutes(minute), "u1", "Sanne de Vries", "request.received", "DataSubjectRequest", entityId);
        // Stored as given (also the plain-text shape of older databases), so the hash tests see exactly this text.
        Set(audit, nameof(AuditEvent.Details), details);
        Set(audit, nameof(AuditEvent.Reason), reason);
        Set(audit, nameof(AuditEvent.After), after);
        return audit;
    }

    private static void Set(AuditEvent audit, string property, object? value) => typeof(AuditEvent).GetProperty(property)!.SetValue(audit, value);

    /// <summary>Chains as persistence does; entries before <paramref name="legacyCount"/> are re-hashed as stored version-1 entries.</summary>
    private static List<AuditEvent> Chained(IEnumerable<AuditEvent> entries, AuditSealKey? key = null, int legacyCount = 0)
    {
        var list = entries.ToList();
        string? previous = null;
        var streams = new Dictionary<string, (int, string?)>();
        for (var i = 0; i < list.Count; i++)
        {
            var (position, streamHash) = streams.GetValueOrDefault(list[i].EntityId, (0, null));
            list[i].Chain(i + 1, previous, position + 1, streamHash, Amsterdam, key);
            if (i < legacyCount)
            {
                Set(list[i], nameof(AuditEvent.ChainVersion), AuditChain.LegacyVersion);
                Set(list[i], nameof(AuditEvent.Seal), null);
                Set(list[i], nameof(AuditEvent.Hash), AuditChain.ComputeHash(list[i]));
            }
            previous = list[i].Hash;
            streams[list[i].EntityId] = (position + 1, list[i].Hash);
        }
        return list;
    }

    private static List<AuditEvent> Trail(AuditSealKey? key = null, int legacyCount = 0) =>
        Chained([Entry(0, "A"), Entry(1, "B"), Entry(2, "A"), Entry(3, "A"), Entry(4, "B")], key, legacyCount);

    /// <summary>What someone with only the database can do: change an entry, then recompute every hash and link after it.</summary>
    private static void RewriteFrom(List<AuditEvent> trail, int index)
    {
        for (var i = index; i < trail.Count; i++)
        {
            Set(trail[i], nameof(AuditEvent.PreviousHash), i == 0 ? null : trail[i - 1].Hash);
            var previousOfStream = trail.Take(i).LastOrDefault(e => e.EntityId == trail[i].EntityId);
            Set(trail[i], nameof(AuditEvent.PreviousStreamHash), previousOfStream?.Hash);
            Set(trail[i], nameof(AuditEvent.Hash), AuditChain.ComputeHash(trail[i]));
        }
    }

    [Fact]
    public void NewEntriesAreWrittenInTheCurrentVersion()
    {
        Trail().ShouldAllBe(e => e.ChainVersion == AuditChain.CurrentVersion);
    }

    [Fact]
    public void AVersionOneEntryHashesAsItAlwaysDid()
    {
        var first = Trail(legacyCount: 1)[0];

        // Computed from the version-1 definition in ADR 0010: the fields joined by U+001F.
        first.Hash.ShouldBe("54e6504ed2521989bc4709a38c663edd28492dafa74670f796429f875c4216bc");
    }

    [Fact]
    public void FieldsThatRanTogetherInVersionOneAreToldApartInVersionTwo()
    {
        // Reason "a␟" + details "b" and reason "a" + details "␟b" join to the same text in version 1.
        var one = Chained([Entry(0, "A", reason: "a\u001f", details: "b")], legacyCount: 1)[0];
        var other = Chained([Entry(0, "A", reason: "a", details: "\u001fb")], legacyCount: 1)[0];
        one.Hash.ShouldBe(other.Hash, "the ambiguity version 2 removes");

        var oneNow = Chained([Entry(0, "A", reason: "a\u001f", details: "b")])[0];
        var otherNow = Chained([Entry(0, "A", reason: "a", details: "\u001fb")])[0];
        oneNow.Hash.ShouldNotBe(otherNow.Hash);
    }

    [Fact]
    public void AnEmptyFieldIsNotAMissingOneInVersionTwo()
    {
        Chained([Entry(0, "A", reason: "")])[0].Hash.ShouldNotBe(Chained([Entry(0, "A", reason: null)])[0].Hash);
    }

    [Fact]
    public void OldVersionEntriesKeepVerifyingBeforeNewOnes()
    {
        var trail = Trail(Key, legacyCount: 3);

        trail.Select(e => e.ChainVersion).ShouldBe([1, 1, 1, 2, 2]);
        AuditChain.Verify(trail, Key, []).IsIntact.ShouldBeTrue();
        AuditChain.VerifyStream(trail.Where(e => e.EntityId == "A")).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public void AnEditedVersionOneEntryIsStillFound()
    {
        var trail = Trail(Key, legacyCount: 3);
        Set(trail[1], nameof(AuditEvent.ActorName), "Mallory");

        var verification = AuditChain.Verify(trail, Key, []);

        verification.FirstBrokenSequence.ShouldBe(2);
        verification.Break.ShouldBe(AuditBreak.ContentChanged);
    }

    [Fact]
    public void ARewriteWithFreshHashesButWithoutTheKeyIsFoundAtTheFirstRewrittenEntry()
    {
        var trail = Trail(Key);
        Set(trail[2], nameof(AuditEvent.ActorName), "Mallory");
        RewriteFrom(trail, 2);

        AuditChain.Verify(trail).IsIntact.ShouldBeTrue("without the key the chain alone cannot tell");
        var verification = AuditChain.Verify(trail, Key, []);
        verification.FirstBrokenSequence.ShouldBe(3);
        verification.Break.ShouldBe(AuditBreak.SealMismatch);
    }

    [Fact]
    public void ARewriteInTheOlderUnsealedVersionIsFound()
    {
        var trail = Trail(Key);
        Set(trail[3], nameof(AuditEvent.ChainVersion), AuditChain.LegacyVersion);
        RewriteFrom(trail, 3);

        var verification = AuditChain.Verify(trail, Key, []);

        verification.FirstBrokenSequence.ShouldBe(4);
        verification.Break.ShouldBe(AuditBreak.OlderVersionAfterNewer);
    }

    [Fact]
    public void DeletingTheNewestEntriesIsFoundThroughTheAnchor()
    {
        var trail = Trail(Key);
        var anchor = AuditCheckpoint.Sealed(5, trail[4].Hash, At, Key);

        var verification = AuditChain.Verify(trail.Take(3), Key, [anchor]);

        AuditChain.Verify(trail.Take(3), Key, []).IsIntact.ShouldBeTrue("without the anchor a shortened trail looks whole");
        verification.FirstBrokenSequence.ShouldBe(4);
        verification.Break.ShouldBe(AuditBreak.NewestEntriesMissing);
    }

    [Fact]
    public void AWholeTrailRewrittenInVersionOneIsFoundThroughTheAnchor()
    {
        var trail = Trail(Key);
        var anchor = AuditCheckpoint.Sealed(4, trail[3].Hash, At, Key);
        foreach (var entry in trail)
        {
            Set(entry, nameof(AuditEvent.ChainVersion), AuditChain.LegacyVersion);
        }
        Set(trail[1], nameof(AuditEvent.ActorName), "Mallory");
        RewriteFrom(trail, 0);

        AuditChain.Verify(trail, Key, []).IsIntact.ShouldBeTrue("unsealed version-1 entries cannot be told from old ones");
        var verification = AuditChain.Verify(trail, Key, [anchor]);
        verification.FirstBrokenSequence.ShouldBe(4);
        verification.Break.ShouldBe(AuditBreak.AnchorMismatch);
    }

    [Fact]
    public void AnAnchorWrittenWithoutTheKeyIsNotGenuine()
    {
        var genuine = AuditCheckpoint.Sealed(4, new string('a', 64), At, Key);

        genuine.IsGenuine(Key).ShouldBeTrue();
        (genuine with { Sequence = 2 }).IsGenuine(Key).ShouldBeFalse();
        genuine.IsGenuine(AuditSealKey.FromSecret("another-key-0123456789-abcdefghijklmnopqrs")).ShouldBeFalse();
    }

    [Fact]
    public void AKeyShorterThan32CharactersIsRefused()
    {
        AuditSealKey.FromSecret("short").ShouldBeNull();
        AuditSealKey.FromSecret(null).ShouldBeNull();
    }

    [Fact]
    public void AHandlerColumnChangedOutsideTheTrailDisagreesWithIt()
    {
        var facts = new AuditedFacts();
        facts.Add(1, """{"status":"Received"}""");
        facts.Add(4, """{"handlerId":"u-1","handlerName":"Sanne"}""");

        facts.FirstDisagreement(new Dictionary<string, string?> { ["handlerId"] = "u-1", ["status"] = "Received" }).ShouldBeNull();
        facts.FirstDisagreement(new Dictionary<string, string?> { ["handlerId"] = "u-2", ["status"] = "Received" }).ShouldBe(("handlerId", 4L));
        facts.FirstDisagreement(new Dictionary<string, string?> { ["handlerId"] = "u-1", ["status"] = "Closed" }).ShouldBe(("status", 1L));
    }

    [Fact]
    public void AFactTheTrailNeverRecordedIsNotChecked()
    {
        var facts = new AuditedFacts();
        facts.Add(1, """{"status":"Received"}""");

        facts.FirstDisagreement(new Dictionary<string, string?> { ["handlerId"] = "u-9", ["status"] = "Received" }).ShouldBeNull();
    }
}
