namespace PrivacyDesk.Data.RateLimiting;

/// <summary>
/// One caller's count in the current fixed window (ADR 0050): shared by every app instance on the database, so a limit
/// holds however many instances a load balancer spreads the calls over. Written only by <see cref="RateWindows"/>.
/// </summary>
public sealed class RateWindow
{
    public const int KeyMaxLength = 64;

    /// <summary>An HMAC-SHA256 of the partition (e.g. an API key's prefix or a caller's address) under <see cref="RateWindowKey"/>, so no address is stored or can be found again.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The window's start in seconds since 1970 (UTC): a plain integer every provider compares alike.</summary>
    public long WindowStart { get; private set; }

    public int Count { get; private set; }
}
