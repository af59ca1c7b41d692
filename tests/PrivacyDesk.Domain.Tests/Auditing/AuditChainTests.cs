using PrivacyDesk.Domain.Auditing;

namespace PrivacyDesk.Domain.Tests.Auditing;

public sealed class AuditChainTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Builds a chained trail as persistence would: three entries about request A, one about request B.</summary>
    private static List<AuditEvent> Trail()
    {
        var at = new DateTimeOffset(2026, 3, 5, 9, 15, 0, TimeSpan.Zero);
        var entries = new List<AuditEvent>
        {
            AuditEvent.Record(at, "u1", "Sanne de Vries", "request.received", "DataSubjectRequest", "A"),
            AuditEvent.Record(at.AddMinutes(1), "u1", "Sanne de Vries", "request.received", "DataSubjectRequest", "B"),
            AuditEvent.Record(at.AddMinutes(2), "u1", "Sanne de Vries", "request.identity.verified", "DataSubjectRequest", "A"),
            AuditEvent.Record(at.AddMinutes(3), "u2", "Fatima El Amrani", "request.approved", "DataSubjectRequest", "A", AuditDetails.Of(("comment", "ok"))),
        };
        string? previous = null;
        var streams = new Dictionary<string, (int, string?)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (position, streamHash) = streams.GetValueOrDefault(entries[i].EntityId, (0, null));
            entries[i].Chain(i + 1, previous, position + 1, streamHash, Amsterdam);
            previous = entries[i].Hash;
            streams[entries[i].EntityId] = (position + 1, entries[i].Hash);
        }
        return entries;
    }

    [Fact]
    public void AnUntouchedTrailIsIntact()
    {
        var verification = AuditChain.Verify(Trail());

        verification.IsIntact.ShouldBeTrue();
        verification.EntriesChecked.ShouldBe(4);
        verification.LastHash!.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void EachEntryIsTimedInTheControllersLocalTimeWithTheExactInstant()
    {
        var first = Trail()[0];

        first.OccurredAt.Offset.ShouldBe(TimeSpan.FromHours(1));
        first.OccurredAt.UtcDateTime.ShouldBe(new DateTime(2026, 3, 5, 9, 15, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void AnEditedEntryIsTheFirstBrokenLink()
    {
        var trail = Trail();
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.ActorName))!.SetValue(trail[2], "Mallory");

        var verification = AuditChain.Verify(trail);

        verification.IsIntact.ShouldBeFalse();
        verification.FirstBrokenSequence.ShouldBe(3);
        verification.Break.ShouldBe(AuditBreak.ContentChanged);
    }

    [Fact]
    public void ADeletedEntryIsFoundWhereItIsMissing()
    {
        var trail = Trail();
        trail.RemoveAt(1);

        var verification = AuditChain.Verify(trail);

        verification.FirstBrokenSequence.ShouldBe(2);
        verification.Break.ShouldBe(AuditBreak.MissingEntry);
    }

    [Fact]
    public void AnEntryRehashedAfterEditingStillBreaksTheNextLink()
    {
        var trail = Trail();
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.Reason))!.SetValue(trail[1], "covered up");
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.Hash))!.SetValue(trail[1], AuditChain.ComputeHash(trail[1]));

        var verification = AuditChain.Verify(trail);

        verification.FirstBrokenSequence.ShouldBe(3);
        verification.Break.ShouldBe(AuditBreak.TrailLinkBroken);
    }

    [Fact]
    public void OneRequestsStreamVerifiesOnItsOwn()
    {
        var streamA = Trail().Where(e => e.EntityId == "A").ToList();

        AuditChain.VerifyStream(streamA).IsIntact.ShouldBeTrue();
        streamA.RemoveAt(1);
        AuditChain.VerifyStream(streamA).Break.ShouldBe(AuditBreak.MissingEntry);
    }

    [Fact]
    public void TimesAreKeptToTheMillisecondSoEveryDatabaseHashesTheSame()
    {
        var precise = new DateTimeOffset(2026, 3, 5, 9, 15, 0, TimeSpan.Zero).AddTicks(1_234_567);

        AuditEvent.Record(precise, null, "system", "x.y", "Thing", "1").OccurredAt.Ticks.ShouldBe(precise.Ticks - 4_567);
    }
}
