using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Search;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>The subject search on real SQLite: by the start of a name word, an e-mail address or a customer number, on its index.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class SubjectSearchTests : IAsyncLifetime
{
    private static readonly Actor Officer = new("officer-1", "Sanne de Vries", [StaffRole.PrivacyOfficer]);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(1));

    private readonly PrivacyDeskAppFactory _factory = new();
    private readonly Dictionary<string, Guid> _ids = [];

    public async ValueTask InitializeAsync()
    {
        await using var db = NewContext();
        foreach (var (name, email, number) in new[]
        {
            ("Jan de Vries", "jan.devries@example.nl", "C-100001"),
            ("Janneke Müller", "j.muller@example.de", "C-100002"),
            ("Ayşe Çelik-van Dijk", "ayse@example.nl", (string?)null),
            ("Pieter Jansen", "pieter@example.nl", "C-200003"),
        })
        {
            var subject = DataSubject.Register(name, [email], [SubjectCategory.Customer], Officer, Now, customerNumber: number).Value;
            db.DataSubjects.Add(subject);
            _ids[name] = subject.Id;
        }
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private PrivacyDeskDbContext NewContext() => _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();

    private async Task<IReadOnlyList<string>> FindAsync(string text)
    {
        await using var db = NewContext();
        var ids = await SubjectSearch.MatchingSubjectIds(db, SubjectSearch.Words(text)).ToListAsync(Xunit.TestContext.Current.CancellationToken);
        return [.. _ids.Where(pair => ids.Contains(pair.Value)).Select(pair => pair.Key).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData("jan", new[] { "Jan de Vries", "Janneke Müller", "Pieter Jansen" })]
    [InlineData("jan vries", new[] { "Jan de Vries" })]
    [InlineData("MULLER", new[] { "Janneke Müller" })]
    [InlineData("celik", new[] { "Ayşe Çelik-van Dijk" })]
    [InlineData("Çelik-van Dijk", new[] { "Ayşe Çelik-van Dijk" })]
    [InlineData("jan.devries@example.nl", new[] { "Jan de Vries" })]
    [InlineData("pieter@", new[] { "Pieter Jansen" })]
    [InlineData("C-100002", new[] { "Janneke Müller" })]
    [InlineData("200003", new[] { "Pieter Jansen" })]
    [InlineData("nobody", new string[0])]
    public async Task FindsSubjectsByTheStartOfANameWordAnEmailOrACustomerNumber(string text, string[] expected)
    {
        (await FindAsync(text)).ShouldBe(expected);
    }

    [Fact]
    public async Task FindsARenamedSubjectByTheNewNameOnly()
    {
        await using (var db = NewContext())
        {
            var subject = await db.DataSubjects.Include(s => s.SearchTerms).SingleAsync(s => s.Id == _ids["Jan de Vries"], Xunit.TestContext.Current.CancellationToken);
            subject.Rename("Jan Bakker", Officer, Now).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        (await FindAsync("vries")).ShouldBeEmpty();
        (await FindAsync("bakker")).ShouldBe(["Jan de Vries"]);
    }

    [Trait(TestDatabases.PlannerTrait, TestDatabases.SqlitePlanner)]
    [Fact]
    public async Task SearchesOnTheTermIndexInsteadOfScanningSubjects()
    {
        await using var db = NewContext();
        // Single-query mode: in split mode (the app's default) ToQueryString puts a note before the one statement.
        var sql = SubjectSearch.MatchingSubjectIds(db, SubjectSearch.Words("jan vries")).Select(id => new { id }).AsSingleQuery().ToQueryString();
        // ToQueryString puts ".param set" lines before the statement; unbound parameters are NULL to the planner.
        var statement = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        await db.Database.OpenConnectionAsync(Xunit.TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        var details = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Xunit.TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(Xunit.TestContext.Current.CancellationToken))
            {
                details.Add(reader.GetString(3));
            }
        }
        var plan = string.Join("\n", details);

        plan.ShouldContain("IX_SubjectSearchTerms_Term_SubjectId");
        plan.ShouldNotContain("SCAN DataSubjects");
    }
}
