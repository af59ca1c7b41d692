namespace PrivacyDesk.Web.Hosting;

/// <summary>
/// Development only: the app's clock moved forward by <c>Clock:OffsetDays</c>, to rehearse what happens when a retention
/// period ends years from now (issue 15) without waiting for it. Outside Development the setting is refused at start-up,
/// so a production clock is always the machine's.
/// </summary>
public sealed class RehearsalClock(int offsetDays) : TimeProvider
{
    public const string OffsetSetting = "Clock:OffsetDays";

    public int OffsetDays { get; } = offsetDays;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddDays(OffsetDays);

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>Registers the machine's clock, or in Development the moved one when the setting asks for it.</summary>
    public static void Register(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var offset = builder.Configuration.GetValue<int?>(OffsetSetting);
        if (offset is { } days && days != 0 && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{OffsetSetting} moves the clock for rehearsals and is allowed in Development only.");
        }
        builder.Services.AddSingleton<TimeProvider>(offset is { } moved && moved != 0 ? new RehearsalClock(moved) : TimeProvider.System);
    }
}
