using System.Globalization;
using System.Text;
using PrivacyDesk.Connectors.Engines;

namespace PrivacyDesk.Connectors.Tests;

public sealed class FetchedExtractTests
{
    [Fact]
    public void ValuesAreInvariantTextWhateverTheMachinesCulture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        try
        {
            ValueText.Of(1234.5m, "numeric").ShouldBe("1234.5");
            ValueText.Of(0.1d, "double precision").ShouldBe("0.1");
            ValueText.Of(new DateTime(2025, 3, 2, 0, 0, 0, DateTimeKind.Unspecified), "date").ShouldBe("2025-03-02");
            ValueText.Of(new DateTime(2025, 3, 2, 14, 5, 6, DateTimeKind.Unspecified), "timestamp without time zone").ShouldBe("2025-03-02T14:05:06");
            ValueText.Of(new DateTime(2025, 3, 2, 14, 5, 6, DateTimeKind.Utc), "timestamp with time zone").ShouldBe("2025-03-02T14:05:06Z");
            ValueText.Of(new DateTimeOffset(2025, 3, 2, 14, 5, 6, TimeSpan.FromHours(1)), "datetimeoffset").ShouldBe("2025-03-02T14:05:06+01:00");
            ValueText.Of(new byte[] { 0, 1, 254, 255 }, "bytea").ShouldBe("AAH+/w==");
            ValueText.Of(true, "boolean").ShouldBe("true");
            ValueText.Of(DBNull.Value, "text").ShouldBeNull();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void EachRowStartsWithItsTableThenItsColumnsInOrderWithNullAsNull()
    {
        var data = new FetchedData(
        [
            new FetchedTable("public", "customers", ["customer_id", "full_name", "closed_on"], [["1", "Jürgen Ñúñez-Østergaard <x>", null]], "SELECT …"),
            new FetchedTable(null, "visitor_log", ["visit_id"], [["7"], ["8"]], "SELECT …"),
        ]);

        var bytes = FetchedExtract.ToJson(data);

        bytes.Take(3).ShouldNotBe(Encoding.UTF8.Preamble.ToArray());
        Encoding.UTF8.GetString(bytes).ReplaceLineEndings("\n").ShouldBe("""
            [
              {
                "_table": "public.customers",
                "customer_id": "1",
                "full_name": "Jürgen Ñúñez-Østergaard \u003Cx\u003E",
                "closed_on": null
              },
              {
                "_table": "visitor_log",
                "visit_id": "7"
              },
              {
                "_table": "visitor_log",
                "visit_id": "8"
              }
            ]
            """);
    }
}
