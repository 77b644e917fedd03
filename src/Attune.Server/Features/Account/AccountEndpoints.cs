using Attune.Server.Data;
using Attune.Server.Features.Shared;
using Attune.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Attune.Server.Features.Account;

/// <summary>/api/account: register, sign in, sign out, who am I.</summary>
internal static class AccountEndpoints
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) => services.AddScoped<AccountService>();

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account");
        group.MapPost("/register", Register);
        group.MapPost("/login", Login);
        group.MapPost("/logout", Logout);
        group.MapGet("/me", Me).RequireAuthorization();
        return app;
    }

    private static async Task<Results<Created<AccountResponse>, ValidationProblem>> Register(CredentialsRequest request, AccountService accounts)
    {
        var (user, errors) = await accounts.RegisterAsync(request.Email, request.Password);
        if (user is null) return errors.ToProblem();
        return TypedResults.Created("/api/account/me", new AccountResponse(user.Id, user.Email!, [Roles.Patient]));
    }

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> Login(
        CredentialsRequest request, AccountService accounts, UserManager<ApplicationUser> users, HttpContext http)
    {
        var (outcome, user, errors) = await accounts.SignInAsync(request.Email, request.Password);
        switch (outcome)
        {
            case AccountService.SignInOutcome.Invalid:
                return errors.ToProblem();
            case AccountService.SignInOutcome.LockedOut:
                http.Response.Headers.RetryAfter = ((int)IdentitySetup.LockoutDuration.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Account locked", detail: AccountService.LockedOutMessage);
            case AccountService.SignInOutcome.Failed:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: AccountService.FailedMessage);
            default:
                return TypedResults.Ok(new AccountResponse(user!.Id, user.Email!, [.. await users.GetRolesAsync(user)]));
        }
    }

    private static async Task<NoContent> Logout(AccountService accounts)
    {
        await accounts.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Me(HttpContext http, UserManager<ApplicationUser> users)
    {
        var user = await users.FindByIdAsync(http.User.UserId());
        if (user is null) return ApiProblems.NotFound("account");
        return TypedResults.Ok(new AccountResponse(user.Id, user.Email!, [.. await users.GetRolesAsync(user)]));
    }
}
