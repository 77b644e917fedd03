using Attune.Server.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Attune.Server.Hosting;

/// <summary>ASP.NET Core Identity with an HttpOnly, SameSite=Strict cookie; the API answers 401/403 problems, never redirects.</summary>
internal static class IdentitySetup
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 10;

    public static IServiceCollection AddAttuneIdentity(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                // Length over composition rules (NIST SP 800-63B §5.1.1.2).
                o.Password.RequiredLength = MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AttuneDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "attune.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = c => WriteProblem(c.HttpContext, StatusCodes.Status401Unauthorized, "Sign in first."),
                OnRedirectToAccessDenied = c => WriteProblem(c.HttpContext, StatusCodes.Status403Forbidden, "Not allowed for this account."),
            };
        });
        return services;
    }

    private static Task WriteProblem(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        }).AsTask();
    }
}
