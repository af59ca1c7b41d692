using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PrivacyDesk.Web.Features.Intake;

namespace PrivacyDesk.Benchmarks;

/// <summary>The bench-only endpoint: the same two rows (subject, request) with prepared SQL, one writer at a time like the app.</summary>
internal sealed class MinimalIntake(string connectionString) : IDisposable
{
    private static readonly DateTimeOffsetToBinaryConverter ToBinary = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private int _sequence;

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
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using (var subject = connection.CreateCommand())
            {
                subject.Transaction = transaction;
                subject.CommandText = """
                    INSERT INTO DataSubjects (Id, FullName, Phone, CustomerNumber, RelationshipStart, RelationshipEnd, ConcurrencyStamp, Categories, EmailAddresses, PurposeOverrides, Salutation)
                    VALUES ($id, $name, NULL, NULL, NULL, NULL, $stamp, '["WebsiteVisitor"]', $emails, '[]', 'Unknown')
                    """;
                subject.Parameters.AddWithValue("$id", subjectId.ToString().ToUpperInvariant());
                subject.Parameters.AddWithValue("$name", body.Subject.FullName);
                subject.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString().ToUpperInvariant());
                subject.Parameters.AddWithValue("$emails", $"[\"{body.Subject.Email}\"]");
                await subject.ExecuteNonQueryAsync();
            }
            await using (var request = connection.CreateCommand())
            {
                request.Transaction = transaction;
                request.CommandText = """
                    INSERT INTO Requests (Id, Reference, Type, Channel, ReceivedAt, ReceivedOn, Language, SubjectId, Description, SubjectAskedForRecipients,
                        Status, DueOn, EffectiveDueOn, RecipientNotificationsPlanned, ConcurrencyStamp, AnswerDelivery, Corrections)
                    VALUES ($id, $reference, 'Access', 'WebForm', $receivedAt, $receivedOn, $language, $subject, $description, 0,
                        'Received', $due, $due, 0, $stamp, 'Link', '[]')
                    """;
                request.Parameters.AddWithValue("$id", requestId.ToString().ToUpperInvariant());
                request.Parameters.AddWithValue("$reference", reference);
                request.Parameters.AddWithValue("$receivedAt", ToBinary.ConvertToProvider(now));
                request.Parameters.AddWithValue("$receivedOn", receivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                request.Parameters.AddWithValue("$language", body.Language);
                request.Parameters.AddWithValue("$subject", subjectId.ToString().ToUpperInvariant());
                request.Parameters.AddWithValue("$description", body.Description);
                request.Parameters.AddWithValue("$due", receivedOn.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                request.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString().ToUpperInvariant());
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
}
