using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Features.Intake;

/// <summary>
/// Reads the intake API's JSON body by hand, so every shape problem names its field (as a JSON path, e.g.
/// <c>subject.email</c>) and nothing a caller sends can end in an exception. The rules of the request
/// itself (e-mail valid, description length, receipt not in the future …) are the domain's, checked after.
/// Property names are matched case-insensitively; unknown properties are ignored.
/// </summary>
public static partial class IntakeJson
{
    /// <summary>The largest body the API reads; larger is 413.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The columns' lengths for what the domain does not bound itself.</summary>
    public const int PhoneMaxLength = 50;
    public const int CustomerNumberMaxLength = 50;
    public const int LanguageMaxLength = 10;

    /// <summary>Strings longer than this are refused before any rule runs (the description's own limit is lower and the domain's).</summary>
    private const int AnyStringMaxLength = 20_000;

    public static IReadOnlyList<string> TypeNames { get; } = [.. Enum.GetValues<RequestType>().Select(Name)];

    public static IReadOnlyList<string> ChannelNames { get; } = [.. Enum.GetValues<RequestChannel>().Select(Name)];

    /// <summary>The camel-case name the API uses for an enum value (e.g. <c>automatedDecisionReview</c>).</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The domain's field names as the API's JSON paths.</summary>
    public static string PathOf(string? field) => field switch
    {
        null => "body",
        RequestRegistration.Fields.Type => "type",
        RequestRegistration.Fields.Channel => "channel",
        RequestRegistration.Fields.ReceivedAt => "receivedAt",
        RequestRegistration.Fields.Language => "language",
        RequestRegistration.Fields.FullName => "subject.fullName",
        RequestRegistration.Fields.Email => "subject.email",
        RequestRegistration.Fields.Description => "description",
        RequestRegistration.Fields.Subject => "subject",
        "ThirdParty" => "thirdParty",
        "ThirdParty.Name" => "thirdParty.name",
        "ThirdParty.Email" => "thirdParty.email",
        _ => field,
    };

    /// <summary>Every property name that occurs twice in one object (compared as the API reads names: ignoring case), by its JSON path.</summary>
    private static void Duplicates(JsonElement element, string path, List<Error> errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                var childPath = path.Length == 0 ? property.Name : path + "." + property.Name;
                if (!seen.TryAdd(property.Name, childPath))
                {
                    var first = seen[property.Name];
                    if (!errors.Any(e => e.Field == first))
                    {
                        errors.Add(IntakeApiErrors.DuplicateProperty with { Field = first, Arguments = Args(("field", first)) });
                    }
                    continue;
                }
                Duplicates(property.Value, childPath, errors);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Duplicates(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), errors);
            }
        }
    }

    public static Result<IntakeSubmission> Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            return Result<IntakeSubmission>.Failure(IntakeApiErrors.BodyMalformed with
            {
                Arguments = Args(("line", ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)),
                    ("position", ((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture))),
            });
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Result<IntakeSubmission>.Failure(IntakeApiErrors.BodyNotObject);
            }
            var errors = new List<Error>();
            var root = document.RootElement;
            // A body that says two things (the first or the last "type"?) is refused, never read one way.
            Duplicates(root, "", errors);
            if (errors.Count > 0)
            {
                return Result<IntakeSubmission>.Failure(errors);
            }

            var typeText = String(root, "type", "type", required: true, errors);
            RequestType? type = null;
            if (typeText is not null)
            {
                type = Enum.GetValues<RequestType>().Cast<RequestType?>().FirstOrDefault(t => string.Equals(Name(t!.Value), typeText, StringComparison.OrdinalIgnoreCase));
                if (type is null)
                {
                    errors.Add(IntakeApiErrors.TypeUnknown with { Arguments = Args(("allowed", string.Join(", ", TypeNames))) });
                }
            }

            var channelText = String(root, "channel", "channel", required: false, errors);
            RequestChannel? channel = RequestChannel.WebForm;
            if (channelText is not null)
            {
                channel = Enum.GetValues<RequestChannel>().Cast<RequestChannel?>().FirstOrDefault(c => string.Equals(Name(c!.Value), channelText, StringComparison.OrdinalIgnoreCase));
                if (channel is null)
                {
                    errors.Add(IntakeApiErrors.ChannelUnknown with { Arguments = Args(("allowed", string.Join(", ", ChannelNames))) });
                }
            }

            var receivedText = String(root, "receivedAt", "receivedAt", required: false, errors);
            DateTimeOffset? receivedAt = null;
            if (receivedText is not null)
            {
                if (!WithOffset().IsMatch(receivedText)
                    || !DateTimeOffset.TryParse(receivedText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    errors.Add(IntakeApiErrors.ReceivedAtInvalid);
                }
                else
                {
                    receivedAt = parsed;
                }
            }

            var language = String(root, "language", "language", required: true, errors, LanguageMaxLength);

            var subjectElement = Property(root, "subject");
            string? fullName = null, email = null, phone = null, customerNumber = null;
            var salutation = Salutation.Unknown;
            if (subjectElement is null || subjectElement.Value.ValueKind == JsonValueKind.Null)
            {
                errors.Add(Required("subject"));
            }
            else if (subjectElement.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add(WrongType("subject", "object"));
            }
            else
            {
                var subject = subjectElement.Value;
                fullName = String(subject, "fullName", "subject.fullName", required: true, errors);
                email = String(subject, "email", "subject.email", required: true, errors);
                phone = String(subject, "phone", "subject.phone", required: false, errors, PhoneMaxLength);
                customerNumber = String(subject, "customerNumber", "subject.customerNumber", required: false, errors, CustomerNumberMaxLength);
                var salutationText = String(subject, "salutation", "subject.salutation", required: false, errors, LanguageMaxLength + 8);
                salutation = salutationText?.Trim().ToLowerInvariant() switch
                {
                    null or "unknown" => Salutation.Unknown,
                    "mr" => Salutation.Sir,
                    "ms" => Salutation.Madam,
                    _ => Unknown(errors),
                };
            }

            var description = String(root, "description", "description", required: true, errors);

            ThirdPartyRecipient? thirdParty = null;
            var thirdElement = Property(root, "thirdParty");
            if (thirdElement is { ValueKind: not JsonValueKind.Null } third)
            {
                if (third.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(WrongType("thirdParty", "object"));
                }
                else
                {
                    var name = String(third, "name", "thirdParty.name", required: false, errors, ThirdPartyRecipient.NameMaxLength);
                    var thirdEmail = String(third, "email", "thirdParty.email", required: false, errors, ThirdPartyRecipient.EmailMaxLength);
                    thirdParty = new ThirdPartyRecipient(name ?? "", thirdEmail ?? "");
                }
            }

            if (errors.Count > 0)
            {
                return Result<IntakeSubmission>.Failure(errors);
            }
            return Result.Success(new IntakeSubmission(
                type!.Value, channel!.Value, receivedAt, language!.Trim().ToLowerInvariant(),
                new NewSubject(fullName!, email!, phone, customerNumber, null, Salutation: salutation), description!, thirdParty));
        }
    }

    private static JsonElement? Property(JsonElement parent, string name)
    {
        foreach (var property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    /// <summary>A string property; null (with an error when it was required or of another type) when absent, null or unusable.</summary>
    /// <summary>Records an unknown salutation; the body is refused, so the value returned is never used.</summary>
    private static Salutation Unknown(List<Error> errors)
    {
        errors.Add(IntakeApiErrors.SalutationUnknown);
        return Salutation.Unknown;
    }

    private static string? String(JsonElement parent, string name, string path, bool required, List<Error> errors, int maxLength = AnyStringMaxLength)
    {
        var element = Property(parent, name);
        if (element is null || element.Value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(Required(path));
            }
            return null;
        }
        if (element.Value.ValueKind != JsonValueKind.String)
        {
            errors.Add(WrongType(path, "string"));
            return null;
        }
        string text;
        try
        {
            text = element.Value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: not text.
            errors.Add(IntakeApiErrors.FieldNotText with { Field = path, Arguments = Args(("field", path)) });
            return null;
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add(IntakeApiErrors.FieldNotText with { Field = path, Arguments = Args(("field", path)) });
            return null;
        }
        if (text.Trim().Length > maxLength)
        {
            errors.Add(IntakeApiErrors.FieldTooLong with
            {
                Field = path,
                Arguments = Args(("field", path), ("max", maxLength.ToString(CultureInfo.InvariantCulture))),
            });
            return null;
        }
        if (required && text.Trim().Length == 0)
        {
            errors.Add(Required(path));
            return null;
        }
        return text.Trim().Length == 0 ? null : text;
    }

    private static Error Required(string path) => IntakeApiErrors.FieldRequired with { Field = path, Arguments = Args(("field", path)) };

    private static Error WrongType(string path, string expected) =>
        IntakeApiErrors.FieldWrongType with { Field = path, Arguments = Args(("field", path), ("expected", expected)) };

    private static Dictionary<string, string> Args(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>An ISO 8601 date and time with an explicit offset (Z or ±hh:mm).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WithOffset();
}
