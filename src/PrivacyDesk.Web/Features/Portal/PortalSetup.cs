using Microsoft.Extensions.Options;
using PrivacyDesk.Data.Outbox;

namespace PrivacyDesk.Web.Features.Portal;

public static class PortalSetup
{
    /// <summary>The data subject's side (issue 16): the privacy portal's options and codes. Mail, inbox and delivery add theirs beside it.</summary>
    public static IServiceCollection AddPrivacyPortal(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName).ValidateOnStart();
        services.AddSingleton<PortalOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<PortalOptions>>(sp => sp.GetRequiredService<PortalOptionsSetup>());
        services.AddSingleton<IValidateOptions<PortalOptions>>(sp => sp.GetRequiredService<PortalOptionsSetup>());
        services.AddSingleton<PortalCodes>();
        services.AddSingleton<PortalSession>();
        services.AddScoped<PortalRequests>();
        services.AddSingleton<PortalIdentityEvidence>();
        services.AddOutboxHandler<PortalPurge>();
        services.AddRecurringOutboxMessage(PortalPurge.Recurring);
        return services;
    }
}
