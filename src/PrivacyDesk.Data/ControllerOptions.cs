namespace PrivacyDesk.Data;

/// <summary>The <c>Controller</c> configuration section: facts about the firm that decide dates and documents.</summary>
public sealed class ControllerOptions
{
    public const string SectionName = "Controller";

    /// <summary>IANA time zone of the controller; receipt dates and local audit times are taken in it.</summary>
    public string TimeZoneId { get; set; } = "Europe/Amsterdam";

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
