namespace PrivacyDesk.Data.Outbox;

/// <summary>Settings of the outbox runner (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Off only in tests that run the runner by hand; every instance of the app may run it (the lease keeps them apart).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the runner looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claim holds; longer than any handler runs, or another instance runs the message again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages claimed per pass.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>The longest wait after repeated failures (the wait doubles from one minute).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Claims after which a message that never finished is given up (the dead letter): the runner no longer claims it, the Outbox page
    /// shows it as given up and an administrator sends it again. With the doubling wait this is about 14 hours of trying.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>This instance's name in <see cref="OutboxMessage.ClaimedBy"/>; the machine name and a random suffix when empty.</summary>
    public string? InstanceName { get; set; }
}
