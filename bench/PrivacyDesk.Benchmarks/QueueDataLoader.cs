using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Benchmarks;

/// <summary>
/// Fills a migrated SQLite file with realistic requests and subjects: eight and a half years of
/// receipts (2018-05-25 to today, growing over time), almost all of them closed, the last month's
/// open across the open statuses, a few stuck past their deadline, some extended, most assigned.
/// Raw batched INSERTs in one transaction: this measures the queue, not EF's change tracker.
/// </summary>
internal static class QueueDataLoader
{
    public const int Officers = 20;
    public const int TeamLeads = 3;

    private static readonly string[] FirstNames =
    [
        "Sanne", "Daan", "Emma", "Lucas", "Julia", "Sem", "Tess", "Finn", "Sophie", "Levi", "Anna", "Milan", "Fleur", "Noah", "Lotte",
        "Jesse", "Eva", "Thijs", "Lisa", "Bram", "Fatima", "Mohammed", "Ayşe", "Mehmet", "Priya", "Wei", "Kees", "Henk", "Ingrid", "Joost",
    ];

    private static readonly string[] LastNames =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
        "van der Meer", "El Amrani", "Yılmaz", "Öztürk", "Kaya", "Nguyen", "Wang", "Bouzid", "Pinas", "Kramer", "Schouten", "van Beek",
    ];

    public static string HandlerId(int index) => index < Officers
        ? string.Create(CultureInfo.InvariantCulture, $"bench-officer-{index:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"bench-lead-{index - Officers:D2}");

    public static string HandlerName(int index) => index < Officers
        ? string.Create(CultureInfo.InvariantCulture, $"Officer {index:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"Team lead {index - Officers:D2}");

    public static void Load(string connectionString, int requests, DateOnly today, int seed = 4)
    {
        var random = new Random(seed);
        var calculator = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, DeadlinePolicy.Default);
        var toBinary = new DateTimeOffsetToBinaryConverter();
        var watch = Stopwatch.StartNew();
        // Not pooled: the pragmas below are the bulk load's alone. A pooled connection kept them and went on to serve the app and the
        // intake bench's bare insert, so some of their commits ran without an fsync and with a 200 MB cache (found in round 12).
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        using var transaction = connection.BeginTransaction();

        var subjectCount = Math.Max(1, requests / 2);
        var subjectIds = new Guid[subjectCount];
        using (var insert = connection.CreateCommand())
        using (var insertTerm = connection.CreateCommand())
        {
            insertTerm.Transaction = transaction;
            insertTerm.CommandText = "INSERT INTO SubjectSearchTerms (SubjectId, Term) VALUES ($subject, $term)";
            var termSubject = insertTerm.Parameters.Add("$subject", SqliteType.Text);
            var term = insertTerm.Parameters.Add("$term", SqliteType.Text);
            insertTerm.Prepare();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO DataSubjects (Id, FullName, Phone, CustomerNumber, RelationshipStart, RelationshipEnd, ConcurrencyStamp, Categories, EmailAddresses, PurposeOverrides, Salutation)
                VALUES ($id, $name, $phone, $customer, $start, NULL, $stamp, '["Customer"]', $emails, '[]', 'Unknown')
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var name = insert.Parameters.Add("$name", SqliteType.Text);
            var phone = insert.Parameters.Add("$phone", SqliteType.Text);
            var customer = insert.Parameters.Add("$customer", SqliteType.Text);
            var start = insert.Parameters.Add("$start", SqliteType.Text);
            var stamp = insert.Parameters.Add("$stamp", SqliteType.Text);
            var emails = insert.Parameters.Add("$emails", SqliteType.Text);
            insert.Prepare();
            for (var i = 0; i < subjectCount; i++)
            {
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                subjectIds[i] = Guid.CreateVersion7();
                id.Value = GuidText(subjectIds[i]);
                name.Value = $"{first} {last}";
                phone.Value = string.Create(CultureInfo.InvariantCulture, $"+31 6 {random.Next(10_000_000, 99_999_999)}");
                customer.Value = string.Create(CultureInfo.InvariantCulture, $"C-{i + 1:D7}");
                start.Value = Iso(new DateOnly(2005, 1, 1).AddDays(random.Next(7000)));
                stamp.Value = GuidText(Guid.NewGuid());
                var local = (first + "." + last.Replace(" ", "", StringComparison.Ordinal)).ToLowerInvariant();
                var email = string.Create(CultureInfo.InvariantCulture, $"{local}{i}@example.nl");
                emails.Value = $"[\"{email}\"]";
                insert.ExecuteNonQuery();
                termSubject.Value = id.Value;
                foreach (var word in SubjectSearchTerms.For((string)name.Value, [email], (string)customer.Value))
                {
                    term.Value = word;
                    insertTerm.ExecuteNonQuery();
                }
            }
        }

        var types = Enum.GetValues<RequestType>();
        var channels = Enum.GetValues<RequestChannel>();
        var first2018 = new DateOnly(2018, 5, 25).DayNumber;
        var span = today.DayNumber - first2018;
        var sequences = new Dictionary<int, int>();
        // Receipt days drawn with growth (later years busier), then sorted so references follow receipt order.
        var days = new int[requests];
        for (var i = 0; i < requests; i++)
        {
            days[i] = first2018 + (int)(span * Math.Sqrt(random.NextDouble()));
        }
        Array.Sort(days);

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO Requests (Id, Reference, Type, Channel, ReceivedAt, ReceivedOn, Language, SubjectId, Description, SubjectAskedForRecipients,
                    Status, HandlerId, HandlerName, DueOn, EffectiveDueOn, Extension, SubmittedById, ApprovedById, ApprovedByName, ApprovedAt,
                    RecipientNotificationsPlanned, ClosedAt, ClosedOn, LastActivityAt, ConcurrencyStamp, AnswerDelivery, Corrections)
                VALUES ($id, $reference, $type, $channel, $receivedAt, $receivedOn, 'nl', $subject, 'Verzoek (benchmark).', 0,
                    $status, $handler, $handlerName, $due, $effective, $extension, $submitted, NULL, NULL, NULL,
                    0, $closedAt, $closedOn, $lastActivity, $stamp, 'Link', '[]')
                """;
            var p = new Dictionary<string, SqliteParameter>(StringComparer.Ordinal);
            foreach (var (parameter, type) in new[]
            {
                ("$id", SqliteType.Text), ("$reference", SqliteType.Text), ("$type", SqliteType.Text), ("$channel", SqliteType.Text),
                ("$receivedAt", SqliteType.Integer), ("$receivedOn", SqliteType.Text), ("$subject", SqliteType.Text), ("$status", SqliteType.Text),
                ("$handler", SqliteType.Text), ("$handlerName", SqliteType.Text), ("$due", SqliteType.Text), ("$effective", SqliteType.Text),
                ("$extension", SqliteType.Text), ("$submitted", SqliteType.Text), ("$closedAt", SqliteType.Integer), ("$closedOn", SqliteType.Text), ("$lastActivity", SqliteType.Integer), ("$stamp", SqliteType.Text),
            })
            {
                p[parameter] = insert.Parameters.Add(parameter, type);
            }
            insert.Prepare();
            for (var i = 0; i < requests; i++)
            {
                var receivedOn = DateOnly.FromDayNumber(days[i]);
                var receivedAt = new DateTimeOffset(receivedOn.ToDateTime(new TimeOnly(8 + random.Next(10), random.Next(60))), TimeSpan.FromHours(1));
                var deadline = calculator.ForReceiptOn(receivedOn);
                var ageDays = today.DayNumber - receivedOn.DayNumber;
                var status = StatusFor(random, ageDays);
                var extended = random.NextDouble() < (ageDays > 20 ? 0.05 : 0.01);
                var effective = extended ? deadline.ExtendedDueOn : deadline.DueOn;
                if (status.IsOpen() && effective < today && random.NextDouble() < 0.7)
                {
                    // Most open cases past their one-month mark were extended in time; the rest are really overdue.
                    extended = true;
                    effective = deadline.ExtendedDueOn;
                }
                var assigned = status != RequestStatus.Received || random.NextDouble() < 0.4;
                var handler = random.Next(Officers + TeamLeads);
                var sequence = sequences[receivedOn.Year] = sequences.GetValueOrDefault(receivedOn.Year) + 1;

                p["$id"].Value = GuidText(Guid.CreateVersion7(receivedAt));
                p["$reference"].Value = RequestReference.Create(receivedOn.Year, sequence).Value.ToString();
                p["$type"].Value = types[random.Next(types.Length)].ToString();
                p["$channel"].Value = channels[random.Next(channels.Length)].ToString();
                p["$receivedAt"].Value = toBinary.ConvertToProvider(receivedAt);
                p["$receivedOn"].Value = Iso(receivedOn);
                p["$subject"].Value = GuidText(subjectIds[random.Next(subjectCount)]);
                p["$status"].Value = status.ToString();
                p["$handler"].Value = assigned ? HandlerId(handler) : DBNull.Value;
                p["$handlerName"].Value = assigned ? HandlerName(handler) : DBNull.Value;
                p["$due"].Value = Iso(deadline.DueOn);
                p["$effective"].Value = Iso(effective);
                p["$extension"].Value = extended
                    ? $$"""{"Reason":"Complexity","Explanation":"Veel bronnen.","SubjectNotifiedOn":"{{Iso(deadline.DueOn.AddDays(-3))}}","ExtendedDueOn":"{{Iso(deadline.ExtendedDueOn)}}","ExtendedById":"{{HandlerId(handler)}}","ExtendedByName":"{{HandlerName(handler)}}","ExtendedAt":"{{receivedAt.AddDays(20):O}}"}"""
                    : DBNull.Value;
                p["$submitted"].Value = status is RequestStatus.AwaitingApproval or RequestStatus.Responded or RequestStatus.Rejected
                    ? HandlerId(handler)
                    : DBNull.Value;
                DateTimeOffset? closedAt = status.IsOpen() ? null : receivedAt.AddDays(Math.Min(ageDays, 5 + random.Next(extended ? 80 : 33)));
                p["$closedAt"].Value = closedAt is { } closed ? toBinary.ConvertToProvider(closed) : DBNull.Value;
                p["$closedOn"].Value = closedAt is { } closedDay ? Iso(DateOnly.FromDateTime(closedDay.DateTime)) : DBNull.Value;
                // Open cases: the last change some days after receipt (the breach forecast looks for the still ones).
                p["$lastActivity"].Value = toBinary.ConvertToProvider(closedAt ?? receivedAt.AddDays(random.Next(Math.Max(1, ageDays + 1))));
                p["$stamp"].Value = GuidText(Guid.NewGuid());
                insert.ExecuteNonQuery();
            }
        }
        transaction.Commit();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  loaded {requests:N0} requests and {subjectCount:N0} subjects in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>Old requests are closed (a few stuck open); the last weeks' are spread over the open statuses.</summary>
    private static RequestStatus StatusFor(Random random, int ageDays)
    {
        var roll = random.NextDouble();
        if (ageDays > 40)
        {
            return roll switch
            {
                < 0.0015 => RequestStatus.InProgress,
                < 0.002 => RequestStatus.AwaitingApproval,
                < 0.90 => RequestStatus.Responded,
                < 0.95 => RequestStatus.Rejected,
                _ => RequestStatus.Withdrawn,
            };
        }
        return roll switch
        {
            < 0.25 => RequestStatus.Received,
            < 0.37 => RequestStatus.AwaitingIdentity,
            < 0.75 => RequestStatus.InProgress,
            < 0.85 => RequestStatus.AwaitingApproval,
            < 0.95 => RequestStatus.Responded,
            < 0.97 => RequestStatus.Rejected,
            _ => RequestStatus.Withdrawn,
        };
    }

    private static string GuidText(Guid id) => id.ToString().ToUpperInvariant();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
