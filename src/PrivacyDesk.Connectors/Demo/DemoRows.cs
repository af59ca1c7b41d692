using System.Globalization;

namespace PrivacyDesk.Connectors.Demo;

/// <summary>
/// The demo systems' rows: hand-made ones for each demo subject (a seeded <see cref="Random"/>, fixed dates, no
/// clock), then the synthetic bulk as one set-based INSERT ... SELECT per table over a number series that the
/// engine generates itself (generate_series in PostgreSQL, a recursive CTE in SQLite).
/// </summary>
internal static class DemoRows
{
    private static readonly DateOnly Epoch = new(2015, 1, 1);

    private static readonly string[] Streets = ["Keizersgracht", "Coolsingel", "Oudegracht", "Lange Voorhout", "Stratumseind", "Grote Markt"];
    private static readonly string[] Cities = ["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen"];
    private static readonly string[] Counterparties = ["Albert Heijn", "NS Reizigers", "Eneco", "Belastingdienst", "Bol.com", "Gemeente Utrecht", "Werkgever B.V."];
    private static readonly string[] Descriptions = ["Boodschappen", "Treinkaartje", "Energierekening", "Teruggave", "Bestelling", "Gemeentelijke belastingen", "Salaris"];

    public static async Task CoreAsync(CoreBankingDemo.Engine engine, IReadOnlyList<DemoSubject> subjects, DemoSize size, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var transactionId = 0;
        var complaintId = 0;
        for (var i = 0; i < subjects.Count; i++)
        {
            var subject = subjects[i];
            var customerId = i + 1;
            var since = subject == CoreBankingDemo.JanDeVries ? new DateOnly(2015, 3, 2) : Epoch.AddDays(random.Next(0, 3000));
            DateOnly? closed = subject == CoreBankingDemo.JanDeVries ? new DateOnly(2025, 11, 30) : random.NextDouble() < 0.2 ? since.AddDays(random.Next(400, 3000)) : null;
            await engine.ExecAsync(
                "INSERT INTO customers VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)", cancellationToken,
                customerId, subject.CustomerNumber, subject.FullName, subject.Email, subject.Phone,
                new DateOnly(1950 + random.Next(0, 50), 1 + random.Next(0, 12), 1 + random.Next(0, 28)),
                $"{Streets[random.Next(Streets.Length)]} {random.Next(1, 300)}",
                string.Create(CultureInfo.InvariantCulture, $"{random.Next(1000, 9999)} {(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}"),
                Cities[random.Next(Cities.Length)], since, closed);
            string[] products = ["Betaalrekening", "Beleggingsrekening"];
            for (var a = 0; a < products.Length; a++)
            {
                var accountId = 2 * i + a + 1;
                await engine.ExecAsync(
                    "INSERT INTO accounts VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", cancellationToken,
                    accountId, customerId, string.Create(CultureInfo.InvariantCulture, $"NL{10 + random.Next(0, 89)}DEMO{accountId:D10}"), products[a], since, closed);
                for (var t = 0; t < 12; t++)
                {
                    var counterparty = random.Next(Counterparties.Length);
                    await engine.ExecAsync(
                        "INSERT INTO transactions VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", cancellationToken,
                        ++transactionId, accountId, since.AddDays(30 * t + random.Next(0, 30)), random.Next(-50_000, 50_000) / 100m,
                        Counterparties[counterparty], Descriptions[counterparty]);
                }
            }
            if (i == 0 || random.NextDouble() < 0.3)
            {
                await engine.ExecAsync(
                    "INSERT INTO complaints VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", cancellationToken,
                    ++complaintId, customerId, since.AddDays(200), "Kosten beleggingsrekening",
                    "Klant vindt de beheerkosten hoger dan in de offerte stond.", "Verschil terugbetaald en excuses aangeboden.");
            }
        }
        var series = new Series(engine.Postgres, subjects.Count);
        var n = size.SyntheticCustomers;
        if (n == 0)
        {
            return;
        }
        await engine.ExecAsync(series.Insert("customers", n,
            $"{series.Offset} + i, 'C-' || ({CoreBankingDemo.SyntheticCustomerNumberBase} + i), 'Klant ' || i, 'klant' || i || '@example.test', "
            + $"'+31 6 ' || {series.Pad($"{series.Big("i")} * 7919 % 100000000", 8)}, {series.DatePlus("1950-01-01", $"({series.Big("i")} * 37 + {seed}) % 18000")}, "
            + $"'Dorpsstraat ' || (1 + i % 200), (1000 + i % 9000) || ' AB', {Pick(Cities, "i % 6")}, {series.DatePlus("2005-01-01", "i % 7000")}, NULL"), cancellationToken);
        await engine.ExecAsync(series.Insert("accounts", n,
            $"{2 * subjects.Count} + i, {series.Offset} + i, 'NL' || (10 + i % 89) || 'DEMO' || {series.Pad($"{2 * subjects.Count} + i", 10)}, 'Betaalrekening', {series.DatePlus("2005-01-01", "i % 7000")}, NULL"),
            cancellationToken);
        var perCustomer = size.TransactionsPerSyntheticCustomer;
        if (perCustomer > 0)
        {
            await engine.ExecAsync(series.Insert("transactions", n * perCustomer,
                $"{transactionId} + i, {2 * subjects.Count} + 1 + (i - 1) / {perCustomer}, {series.DatePlus("2024-01-01", $"({series.Big("i")} * 7 + {seed}) % 700")}, "
                + $"({series.Big("i")} * 7919 + {seed}) % 200000 / 100.0 - 1000, {Pick(Counterparties, "i % 7")}, {Pick(Descriptions, "i % 7")}"),
                cancellationToken);
        }
    }

    public static async Task KycAsync(CoreBankingDemo.Engine engine, IReadOnlyList<DemoSubject> subjects, DemoSize size, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed + 1);
        for (var i = 0; i < subjects.Count; i++)
        {
            var subject = subjects[i];
            var received = Epoch.AddDays(random.Next(0, 3000));
            await engine.ExecAsync("INSERT INTO kyc_customers VALUES (@p0, @p1, @p2, @p3, @p4)", cancellationToken,
                i + 1, subject.CustomerNumber, subject.FullName, new DateOnly(1950 + random.Next(0, 50), 1 + random.Next(0, 12), 1 + random.Next(0, 28)), "Nederlandse");
            await engine.ExecAsync("INSERT INTO kyc_documents VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", cancellationToken,
                i + 1, i + 1, random.NextDouble() < 0.6 ? "Paspoort" : "Identiteitskaart",
                string.Create(CultureInfo.InvariantCulture, $"NX****{random.Next(100, 999)}"), received.AddYears(10), received);
            await engine.ExecAsync("INSERT INTO kyc_checks VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", cancellationToken,
                2 * i + 1, i + 1, "Identiteitscontrole", "Goedgekeurd", "IDnow GmbH (identiteitsverificatie)", received);
            await engine.ExecAsync("INSERT INTO kyc_checks VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", cancellationToken,
                2 * i + 2, i + 1, "Kredietcontrole", random.NextDouble() < 0.9 ? "Geen bijzonderheden" : "Nader onderzoek", "Experian Nederland B.V.", received.AddDays(1));
        }
        var series = new Series(engine.Postgres, subjects.Count);
        if (size.SyntheticCustomers == 0)
        {
            return;
        }
        await engine.ExecAsync(series.Insert("kyc_customers", size.SyntheticCustomers,
            $"{series.Offset} + i, 'C-' || ({CoreBankingDemo.SyntheticCustomerNumberBase} + i), 'Klant ' || i, {series.DatePlus("1950-01-01", $"({series.Big("i")} * 37 + {seed}) % 18000")}, 'Nederlandse'"),
            cancellationToken);
        await engine.ExecAsync(series.Insert("kyc_checks", size.SyntheticCustomers,
            $"{2 * subjects.Count} + i, {series.Offset} + i, 'Identiteitscontrole', 'Goedgekeurd', 'IDnow GmbH (identiteitsverificatie)', {series.DatePlus("2005-01-01", "i % 7000")}"),
            cancellationToken);
    }

    public static async Task MarketingAsync(CoreBankingDemo.Engine engine, IReadOnlyList<DemoSubject> subjects, DemoSize size, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed + 2);
        var preferenceId = 0;
        for (var i = 0; i < subjects.Count; i++)
        {
            var subject = subjects[i];
            // The marketing platform keeps addresses as typed at sign-up: upper case here and there.
            var email = i % 3 == 1 ? subject.Email.ToUpperInvariant() : subject.Email;
            await engine.ExecAsync("INSERT INTO contacts VALUES (@p0, @p1, @p2)", cancellationToken,
                i + 1, email, subject.CustomerNumber);
            foreach (var channel in new[] { "e-mail", "telefoon" })
            {
                await engine.ExecAsync("INSERT INTO marketing_preferences VALUES (@p0, @p1, @p2, @p3, @p4)", cancellationToken,
                    ++preferenceId, i + 1, channel, random.NextDouble() < 0.5, Epoch.AddDays(random.Next(0, 3000)));
            }
            var given = Epoch.AddDays(random.Next(0, 3000));
            await engine.ExecAsync("INSERT INTO consents VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", cancellationToken,
                i + 1, i + 1, "2024-09", "website", given, random.NextDouble() < 0.3 ? given.AddDays(90) : null);
        }
        var series = new Series(engine.Postgres, subjects.Count);
        if (size.SyntheticCustomers == 0)
        {
            return;
        }
        await engine.ExecAsync(series.Insert("contacts", size.SyntheticCustomers / 2,
            $"{series.Offset} + i, 'klant' || (2 * i) || '@example.test', 'C-' || ({CoreBankingDemo.SyntheticCustomerNumberBase} + 2 * i)"), cancellationToken);
    }

    public static async Task SurveysAsync(CoreBankingDemo.Engine engine, IReadOnlyList<DemoSubject> subjects, DemoSize size, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed + 3);
        var answerId = 0;
        string[] questions = ["Hoe tevreden bent u over onze dienstverlening?", "Zou u ons aanbevelen aan vrienden of familie?"];
        for (var i = 0; i < subjects.Count; i++)
        {
            foreach (var question in questions)
            {
                await engine.ExecAsync("INSERT INTO survey_answers VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", cancellationToken,
                    ++answerId, subjects[i].Email, "Klanttevredenheid 2025", question,
                    random.Next(6, 11).ToString(CultureInfo.InvariantCulture), new DateOnly(2025, 10, 1 + random.Next(0, 28)));
            }
        }
        var series = new Series(engine.Postgres, answerId);
        if (size.SyntheticCustomers == 0)
        {
            return;
        }
        await engine.ExecAsync(series.Insert("survey_answers", size.SyntheticCustomers / 4,
            $"{series.Offset} + i, 'klant' || (4 * i) || '@example.test', 'Klanttevredenheid 2025', 'Hoe tevreden bent u over onze dienstverlening?', "
            + $"(({series.Big("i")} * 7 + {seed}) % 5 + 6) || '', {series.DatePlus("2025-10-01", "i % 28")}"), cancellationToken);
    }

    public static async Task VisitorsAsync(CoreBankingDemo.Engine engine, IReadOnlyList<DemoSubject> subjects, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed + 4);
        for (var i = 0; i < subjects.Count; i++)
        {
            var visited = new DateTime(2025, 6, 1, 9, 0, 0, DateTimeKind.Unspecified).AddDays(random.Next(0, 150)).AddMinutes(random.Next(0, 480));
            await engine.ExecAsync("INSERT INTO visitor_log VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", cancellationToken,
                i + 1, subjects[i].FullName, subjects[i].Email, null, visited, "Accountmanager particulieren");
            await engine.ExecAsync("INSERT INTO cctv_clips VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", cancellationToken,
                i + 1, i + 1, "Ingang Kantoor Utrecht", visited.AddMinutes(-2), visited.AddMinutes(3),
                string.Create(CultureInfo.InvariantCulture, $"cctv/2025/{i + 1:D6}.mp4"));
        }
        // A visitor who is nobody's customer, so the log is never only the demo subjects.
        await engine.ExecAsync("INSERT INTO visitor_log VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", cancellationToken,
            subjects.Count + 1, "Monteur liftonderhoud", "service@liftbedrijf.example", "Liftbedrijf B.V.", new DateTime(2025, 7, 3, 8, 30, 0, DateTimeKind.Unspecified), "Facilitair");
    }

    private static string Pick(IReadOnlyList<string> values, string indexExpression) =>
        $"CASE {indexExpression} " + string.Join(" ", values.Select((v, k) => string.Create(CultureInfo.InvariantCulture, $"WHEN {k} THEN '{v}'"))) + " END";

    /// <summary>The engine's own number series 1..n as <c>i</c>, and the few expressions whose spelling differs between engines.</summary>
    private sealed record Series(bool Postgres, int Offset)
    {
        public string Insert(string table, int count, string select) => Postgres
            ? string.Create(CultureInfo.InvariantCulture, $"INSERT INTO {table} SELECT {select} FROM generate_series(1, {count}) AS s(i)")
            : string.Create(CultureInfo.InvariantCulture, $"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {count}) INSERT INTO {table} SELECT {select} FROM s");

        public string Big(string expression) => Postgres ? $"({expression})::bigint" : expression;

        public string Pad(string expression, int width) => Postgres
            ? string.Create(CultureInfo.InvariantCulture, $"lpad(({expression})::text, {width}, '0')")
            : string.Create(CultureInfo.InvariantCulture, $"substr('0000000000' || ({expression}), -{width})");

        public string DatePlus(string isoDate, string daysExpression) => Postgres
            ? $"(DATE '{isoDate}' + ({daysExpression})::integer)"
            : $"date('{isoDate}', '+' || ({daysExpression}) || ' days')";
    }
}
