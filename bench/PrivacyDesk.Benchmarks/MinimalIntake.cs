using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using PrivacyDesk.Web.Features.Intake;

namespace PrivacyDesk.Benchmarks;

/// <summary>
/// The bench-only endpoint: the same two rows (subject, request) with parameterised SQL in one transaction, one writer at a time
/// like the app, on SQLite or PostgreSQL. Values are written as each provider's EF Core mapping stores them (SQLite: ids and dates
/// as text; PostgreSQL: uuid and date), so the app reads the rows back (BenchLoadersTests).
/// </summary>
internal sealed class MinimalIntake : IDisposable
{
    private static readonly DateTimeOffsetToBinaryConverter ToBinary = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Func<DbConnection> _connect;
    private readonly bool _postgreSql;
    private int _sequence;

    /// <summary>On the SQLite file of <paramref name="connectionString"/>.</summary>
    public MinimalIntake(string connectionString)
        : this(() => new SqliteConnection(connectionString), postgreSql: false)
    {
    }

    private MinimalIntake(Func<DbConnection> connect, bool postgreSql)
    {
        _connect = connect;
        _postgreSql = postgreSql;
    }

    /// <summary>On the PostgreSQL database of <paramref name="connectionString"/> (Npgsql syntax).</summary>
    public static MinimalIntake OnPostgreSql(string connectionString) => new(() => new NpgsqlConnection(connectionString), postgreSql: true);

    public void Dispose() => _writer.Dispose();

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var body = await http.Request.ReadFromJsonAsync<IntakeRequestBody>();
        if (body is null)
        {
            return Results.BadRequest();
        }
        var subjectId = Guid.CreateVersion7();
        var requestId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var receivedOn = DateOnly.FromDateTime(now.UtcDateTime);
        var reference = string.Create(CultureInfo.InvariantCulture, $"DSR-2099-{Interlocked.Increment(ref _sequence):D6}");
        await _writer.WaitAsync();
        try
        {
            await using var connection = _connect();
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var subject = connection.CreateCommand())
            {
                subject.Transaction = transaction;
                subject.CommandText = """
                    INSERT INTO "DataSubjects" ("Id", "FullName", "Phone", "CustomerNumber", "RelationshipStart", "RelationshipEnd", "ConcurrencyStamp", "Categories", "EmailAddresses", "PurposeOverrides", "Salutation")
                    VALUES (@id, @name, NULL, NULL, NULL, NULL, @stamp, '["WebsiteVisitor"]', @emails, '[]', 'Unknown')
                    """;
                Add(subject, "id", Id(subjectId));
                Add(subject, "name", body.Subject.FullName);
                Add(subject, "stamp", Id(Guid.NewGuid()));
                Add(subject, "emails", $"[\"{body.Subject.Email}\"]");
                await subject.ExecuteNonQueryAsync();
            }
            await using (var request = connection.CreateCommand())
            {
                request.Transaction = transaction;
                request.CommandText = """
                    INSERT INTO "Requests" ("Id", "Reference", "Type", "Channel", "ReceivedAt", "ReceivedOn", "Language", "SubjectId", "Description", "SubjectAskedForRecipients",
                        "Status", "DueOn", "EffectiveDueOn", "RecipientNotificationsPlanned", "ConcurrencyStamp", "AnswerDelivery", "Corrections")
                    VALUES (@id, @reference, 'Access', 'WebForm', @receivedAt, @receivedOn, @language, @subject, @description, FALSE,
                        'Received', @due, @due, FALSE, @stamp, 'Link', '[]')
                    """;
                Add(request, "id", Id(requestId));
                Add(request, "reference", reference);
                Add(request, "receivedAt", ToBinary.ConvertToProvider(now));
                Add(request, "receivedOn", Date(receivedOn));
                Add(request, "language", body.Language);
                Add(request, "subject", Id(subjectId));
                Add(request, "description", body.Description);
                Add(request, "due", Date(receivedOn.AddMonths(1)));
                Add(request, "stamp", Id(Guid.NewGuid()));
                await request.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        finally
        {
            _writer.Release();
        }
        return Results.Created($"/api/v1/requests/{reference}", new { reference, status = "received" });
    }

    private object Id(Guid id) => _postgreSql ? id : id.ToString().ToUpperInvariant();

    private object Date(DateOnly date) => _postgreSql ? date : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
