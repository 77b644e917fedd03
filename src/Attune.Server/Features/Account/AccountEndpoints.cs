using Attune.Server.Data;
using Attune.Server.Features.Shared;
using Attune.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Attune.Server.Features.Account;

/// <summary>/api/account: register, sign in, sign out, who am I.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account");
        group.MapPost("/register", Register);
        group.MapPost("/login", Login);
        group.MapPost("/logout", Logout);
        group.MapGet("/me", Me).RequireAuthorization();
        return app;
    }

    private static async Task<Results<Created<AccountResponse>, ValidationProblem>> Register(
        CredentialsRequest request, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TimeProvider clock)
    {
        var errors = CheckCredentials(request);
        if (errors.Any) return errors.ToProblem();
        var user = new ApplicationUser { UserName = request.Email!.Trim(), Email = request.Email.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
                errors.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description);
            return errors.ToProblem();
        }
        await users.AddToRoleAsync(user, Roles.Patient);
        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.Created("/api/account/me", new AccountResponse(user.Id, user.Email!, [Roles.Patient]));
    }

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> Login(
        CredentialsRequest request, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, HttpContext http)
    {
        var errors = CheckCredentials(request);
        if (errors.Any) return errors.ToProblem();
        var user = await users.FindByEmailAsync(request.Email!.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            http.Response.Headers.RetryAfter = ((int)IdentitySetup.LockoutDuration.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Account locked",
                detail: $"Too many failed sign-ins ({IdentitySetup.MaxFailedSignIns}); try again in {IdentitySetup.LockoutDuration.TotalMinutes:0} minutes.");
        }
        if (!result.Succeeded)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The email or password is wrong.");
        return TypedResults.Ok(new AccountResponse(user!.Id, user.Email!, [.. await users.GetRolesAsync(user)]));
    }

    private static async Task<NoContent> Logout(SignInManager<ApplicationUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Me(HttpContext http, UserManager<ApplicationUser> users)
    {
        var user = await users.FindByIdAsync(http.User.UserId());
        if (user is null) return ApiProblems.NotFound("account");
        return TypedResults.Ok(new AccountResponse(user.Id, user.Email!, [.. await users.GetRolesAsync(user)]));
    }

    private static FieldErrors CheckCredentials(CredentialsRequest request)
    {
        var errors = new FieldErrors();
        string? email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 254 || !email.Contains('@', StringComparison.Ordinal))
            errors.Add("email", "must be an email address of at most 254 characters");
        if (request.Password is not { } p || p.Length < IdentitySetup.MinPasswordLength || p.Length > 256)
            errors.Add("password", $"must be {IdentitySetup.MinPasswordLength}–256 characters");
        return errors;
    }
}
