using System.Globalization;
using System.Text.Json;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Features.Portal;

/// <summary>
/// The portal's request form as the subject filled it in (issue 16): kept as JSON in the challenge until the code is entered,
/// then registered as the intake API would. Field names are the form's input names.
/// </summary>
public sealed record PortalSubmission(
    string? Type,
    string Language,
    string FullName,
    string Email,
    string CustomerNumber,
    string Phone,
    string Description,
    string ThirdPartyName,
    string ThirdPartyEmail)
{
    public const int CustomerNumberMaxLength = 40;
    public const int PhoneMaxLength = 30;

    /// <summary>The form's input names, which are also the fields its errors name.</summary>
    public static class Fields
    {
        public const string Type = "Type";
        public const string FullName = "FullName";
        public const string Email = "Email";
        public const string CustomerNumber = "CustomerNumber";
        public const string Phone = "Phone";
        public const string Description = "Description";
        public const string ThirdPartyName = "ThirdPartyName";
        public const string ThirdPartyEmail = "ThirdPartyEmail";
    }

    public static readonly Error TypeRequired = new("portal.form.type_required", Fields.Type);
    public static readonly Error NameRequired = new("portal.form.name_required", Fields.FullName);
    public static readonly Error EmailInvalid = new("portal.form.email_invalid", Fields.Email);
    public static readonly Error DescriptionRequired = new("portal.form.description_required", Fields.Description);
    public static readonly Error PhoneInvalid = new("portal.form.phone_invalid", Fields.Phone);
    public static readonly Error ThirdPartyOnlyPortability = new("portal.form.third_party_only_portability", Fields.ThirdPartyName);
    public static readonly Error ThirdPartyIncomplete = new("portal.form.third_party_incomplete", Fields.ThirdPartyName);
    public const string TooLongCode = "portal.form.too_long";

    public static PortalSubmission Empty(string language) => new(null, language, "", "", "", "", "", "", "");

    /// <summary>Reads the posted form; missing fields are empty, never null.</summary>
    public static PortalSubmission From(IFormCollection form, string language)
    {
        ArgumentNullException.ThrowIfNull(form);
        string Value(string name) => form[name].ToString();
        return new(NullIfEmpty(Value(Fields.Type)), language, Value(Fields.FullName), Value(Fields.Email), Value(Fields.CustomerNumber),
            Value(Fields.Phone), Value(Fields.Description), Value(Fields.ThirdPartyName), Value(Fields.ThirdPartyEmail));
    }

    /// <summary>The chosen right, when it is one the product handles.</summary>
    public RequestType? RequestType =>
        Enum.TryParse<RequestType>(Type, ignoreCase: false, out var type) && Enum.IsDefined(type) && !int.TryParse(Type, out _) ? type : null;

    public bool HasThirdParty => !string.IsNullOrWhiteSpace(ThirdPartyName) || !string.IsNullOrWhiteSpace(ThirdPartyEmail);

    /// <summary>The form's own checks, every problem at once, each on its field; the registration's rules follow in <see cref="ToIntake"/>.</summary>
    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (RequestType is null)
        {
            errors.Add(TypeRequired);
        }
        if (string.IsNullOrWhiteSpace(FullName))
        {
            errors.Add(NameRequired);
        }
        TooLong(errors, FullName, DataSubject.FullNameMaxLength, Fields.FullName);
        if (!ContactDetails.IsEmailAddress(Email.Trim(), DataSubject.EmailMaxLength))
        {
            errors.Add(EmailInvalid);
        }
        TooLong(errors, CustomerNumber, CustomerNumberMaxLength, Fields.CustomerNumber);
        if (!TooLong(errors, Phone, PhoneMaxLength, Fields.Phone) && !IsPhone(Phone))
        {
            errors.Add(PhoneInvalid);
        }
        if (string.IsNullOrWhiteSpace(Description))
        {
            errors.Add(DescriptionRequired);
        }
        TooLong(errors, Description, DataSubjectRequest.DescriptionMaxLength, Fields.Description);
        if (HasThirdParty)
        {
            if (RequestType is { } type && type != Domain.Requests.RequestType.Portability)
            {
                errors.Add(ThirdPartyOnlyPortability);
            }
            else if (string.IsNullOrWhiteSpace(ThirdPartyName) || string.IsNullOrWhiteSpace(ThirdPartyEmail))
            {
                errors.Add(ThirdPartyIncomplete);
            }
            TooLong(errors, ThirdPartyName, ThirdPartyRecipient.NameMaxLength, Fields.ThirdPartyName);
            TooLong(errors, ThirdPartyEmail, ThirdPartyRecipient.EmailMaxLength, Fields.ThirdPartyEmail);
        }
        return errors;
    }

    /// <summary>What the registration receives; <paramref name="receivedAt"/> is the moment the code was verified.</summary>
    public IntakeSubmission ToIntake(DateTimeOffset? receivedAt) => new(
        RequestType ?? Domain.Requests.RequestType.Access,
        RequestChannel.WebForm,
        receivedAt,
        Language,
        new NewSubject(FullName.Trim(), Email.Trim(), NullIfEmpty(Phone.Trim()), NullIfEmpty(CustomerNumber.Trim()), Category: null),
        Description.Trim(),
        HasThirdParty ? new ThirdPartyRecipient(ThirdPartyName.Trim(), ThirdPartyEmail.Trim()) : null);

    /// <summary>The domain's field names mapped onto the form's inputs, so its errors appear beside the right field.</summary>
    public static Error OnFormField(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = error.Field switch
        {
            "FullName" => Fields.FullName,
            "EmailAddresses" => Fields.Email,
            "Description" or "description" => Fields.Description,
            "ThirdParty" or "ThirdParty.Name" => Fields.ThirdPartyName,
            "ThirdParty.Email" => Fields.ThirdPartyEmail,
            "Type" => Fields.Type,
            _ => null,
        };
        return error with { Field = field };
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static PortalSubmission? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<PortalSubmission>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TooLong(List<Error> errors, string value, int max, string field)
    {
        if (value.Trim().Length <= max)
        {
            return false;
        }
        errors.Add(new Error(TooLongCode, field, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["max"] = max.ToString(CultureInfo.InvariantCulture),
        }));
        return true;
    }

    private static bool IsPhone(string phone)
    {
        var trimmed = phone.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }
        var digits = trimmed.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 20
            && trimmed.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' || (c == '+' && i == 0)).All(ok => ok);
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
