using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>
/// ADR 0028: no page or service saves an existing case another way than through <see cref="CaseUnitOfWork"/>.
/// The data layer refuses such a save (a bug, so an exception), and only the unit of work opens a context for it.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed partial class OneWayToChangeACaseTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task SavingAChangedCaseFromAContextTheUnitOfWorkDidNotOpenIsRefusedAndStoresNothing()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var stamp = await CaseStamps.OfAsync(_factory, requestId);
        var officer = await ObligationCases.ActorAsync(_factory, "officer@privacydesk.test");

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var request = await db.Requests.SingleAsync(r => r.Id == requestId, Xunit.TestContext.Current.CancellationToken);
            request.AddNote(officer, DateTimeOffset.UtcNow, "Buiten de unit of work om.").IsSuccess.ShouldBeTrue();

            var refused = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken));
            refused.Message.ShouldContain("CaseUnitOfWork");
        }

        (await CaseStamps.OfAsync(_factory, requestId)).ShouldBe(stamp);
        (await ObligationCases.LoadAsync(_factory, requestId)).Notes.ShouldBeEmpty();
    }

    [Fact]
    public async Task RegisteringANewCaseNeedsNoUnitOfWork()
    {
        // The insert of a new case (registration, intake API, demo seeder) is the named exception: nobody can hold a stamp of it yet.
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure);

        (await ObligationCases.LoadAsync(_factory, requestId)).Type.ShouldBe(RequestType.Erasure);
    }

    [Fact]
    public void OnlyTheCaseUnitOfWorkOpensAContextForCaseChanges()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var openers = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => OpeningCall().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(src, path).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        openers.ShouldBe(["PrivacyDesk.Web/Features/Requests/CaseUnitOfWork.cs"]);
    }

    [GeneratedRegex(@"\.AllowCaseChanges\s*\(")]
    private static partial Regex OpeningCall();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PrivacyDesk.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PrivacyDesk.sln not found above " + AppContext.BaseDirectory);
    }
}
