using PrivacyDesk.Data.Outbox;

namespace PrivacyDesk.Web.Features.Retention;

public static class RetentionSetup
{
    /// <summary>The retention ledger (issue 15): the daily scan on the outbox, follow-ups, the ledger's page queries.</summary>
    public static IServiceCollection AddRetentionLedger(this IServiceCollection services)
    {
        services.AddSingleton<RetentionFollowUps>();
        services.AddSingleton<RetentionLedgerQueries>();
        services.AddOutboxHandler<RetentionScan>();
        services.AddRecurringOutboxMessage(RetentionScan.Recurring);
        return services;
    }
}
