using Attune.Server.Features.Account;
using Attune.Server.Features.Live;
using Attune.Server.Features.Media;
using Attune.Server.Features.Profile;
using Attune.Server.Features.Sessions;
using Attune.Server.Features.Wizard;
using Attune.Server.Hosting;

// Pages and scripts ship beside the binary, so the server works from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
// Quiet by default (also without appsettings.json), so start-up prints only the one line below.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// The framework's own assets (_framework/blazor.web.js) live in a NuGet package until the app is published; the
// build's manifest says where, and UseStaticFiles serves them through it. A published app has no such manifest and
// serves them from its own wwwroot (a no-op then).
builder.WebHost.UseStaticWebAssets();
if (ListenUrlGuard.ConfiguredUrls(builder.Configuration).Count == 0) builder.WebHost.UseUrls(ListenUrlGuard.DefaultUrl);
builder.Services.AddAttuneDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAttuneIdentity();
builder.Services.AddAuthorization();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<BadRequestHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddLiveSessions(builder.Configuration);
builder.Services.AddAccounts().AddProfiles().AddSessions();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddScoped<Attune.Server.Components.Patient.PatientScope>();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider,
    Attune.Server.Components.Patient.RevalidatingIdentityState>();
builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

var app = builder.Build();
if (ListenUrlGuard.FirstInsecure(ListenUrlGuard.ConfiguredUrls(app.Configuration)) is { } insecure)
{
    await Console.Error.WriteLineAsync(ListenUrlGuard.RefusalMessage(insecure));
    return 2;
}

await DatabaseSetup.MigrateAndSeedAsync(app.Services);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHsts();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseWebSockets();
// The security headers already forbid framing outright (frame-ancestors 'none'); no second, looser policy.
app.MapRazorComponents<Attune.Server.Components.App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.MapAccount().MapProfile().MapSessions();
app.MapLive();
app.MapMedia();
app.MapWizard();
StartupBanner.PrintWhenStarted(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
