using PrivacyDesk.Data;
using PrivacyDesk.Documents;
using PrivacyDesk.Web.Features.Delivery;
using PrivacyDesk.Web.Features.Inbox;
using PrivacyDesk.Web.Features.Intake;
using PrivacyDesk.Web.Features.Mail;
using PrivacyDesk.Web.Features.Portal;
using PrivacyDesk.Web.Features.Retention;
using PrivacyDesk.Web.Features.SourceSystems;
using PrivacyDesk.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddRepositoryDevelopmentSettings();
RehearsalClock.Register(builder);
builder.Services.AddDataServices(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddDocumentServices();
builder.Services.AddStaffIdentity();
builder.Services.AddUserInterface();
builder.Services.AddIntakeApi(builder.Configuration);
builder.Services.AddSourceSystems();
builder.Services.AddRetentionLedger();
builder.Services.AddPrivacyPortal();
builder.Services.AddMail();
builder.Services.AddInbox(builder.Configuration);
builder.Services.AddAnswerDelivery();
builder.Services.AddSecurityHeaders();

var app = builder.Build();

await app.PrepareDatabaseAsync();
if (CreateAdminCommand.IsRequested(args))
{
    return await CreateAdminCommand.RunAsync(app, args);
}

app.UsePrivacyDeskPipeline();
app.MapPrivacyDeskEndpoints();
await app.RunAsync();
return 0;

/// <summary>The web app's entry point; public so the integration tests can host it.</summary>
public partial class Program;
