namespace PrivacyDesk.Web.Features.Delivery;

public static class DeliverySetup
{
    /// <summary>Secure delivery of the answer (issue 16, ADR 0045): the officer's side and the portal's download pages.</summary>
    public static IServiceCollection AddAnswerDelivery(this IServiceCollection services)
    {
        // Singletons: each call opens its own scope and context (as the case unit of work does).
        services.AddSingleton<AnswerDeliveries>();
        services.AddSingleton<AnswerPortal>();
        services.AddSingleton<RecipientNotices>();
        return services;
    }
}
