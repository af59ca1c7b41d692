namespace PrivacyDesk.Web.Features.Delivery;

public static class DeliverySetup
{
    /// <summary>Secure delivery of the answer (issue 16, ADR 0045): the officer's side and the portal's download pages.</summary>
    public static IServiceCollection AddAnswerDelivery(this IServiceCollection services)
    {
        services.AddScoped<AnswerDeliveries>();
        services.AddScoped<AnswerPortal>();
        return services;
    }
}
