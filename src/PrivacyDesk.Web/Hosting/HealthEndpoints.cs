using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PrivacyDesk.Data.Health;

namespace PrivacyDesk.Web.Hosting;

/// <summary>
/// Anonymous health answers for a load balancer (ADR 0050), each only the word Healthy, Degraded or Unhealthy (503 when
/// unhealthy) and never which check failed, nor any personal data.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Every check (database, migrations, outbox, audit trail): the operator's overall view.
        app.MapHealthChecks("/health").AllowAnonymous();
        // The process answers: restart it when this fails. Runs no check, so a database outage never restarts every instance.
        app.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        // Send traffic here: database reachable, migrations applied, outbox runner alive.
        app.MapHealthChecks(Ready, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessChecks.ReadyTag) }).AllowAnonymous();
        return app;
    }
}
