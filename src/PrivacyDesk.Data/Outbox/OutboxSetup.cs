using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyDesk.Data.Outbox;

public static class OutboxSetup
{
    /// <summary>The one outbox runner (ADR 0042); features add their handlers with <see cref="AddOutboxHandler{THandler}"/>.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OutboxOptions.SectionName).Get<OutboxOptions>() ?? new OutboxOptions();
        services.AddSingleton(options);
        services.AddSingleton<OutboxRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRunner>());
        return services;
    }

    public static IServiceCollection AddOutboxHandler<THandler>(this IServiceCollection services)
        where THandler : class, IOutboxHandler
    {
        services.AddScoped<IOutboxHandler, THandler>();
        return services;
    }

    /// <summary>Work that re-enqueues itself (e.g. the daily retention scan); the runner creates it at start if missing.</summary>
    public static IServiceCollection AddRecurringOutboxMessage(this IServiceCollection services, RecurringOutboxMessage message) =>
        services.AddSingleton(message);
}
