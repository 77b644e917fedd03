using Attune.Server.Data;
using Attune.Server.Features.Shared;
using Attune.Server.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Attune.Server.Features.Account;

/// <summary>
/// Registering and signing in, with one set of rules for the JSON API (<see cref="AccountEndpoints"/>) and the
/// sign-in page (Components/Pages/Home.razor): errors are keyed by field, as in an RFC 7807 validation problem.
/// </summary>
internal sealed class AccountService(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TimeProvider clock)
{
    public enum SignInOutcome { SignedIn, Invalid, Failed, LockedOut }

    public static FieldErrors Check(string? email, string? password)
    {
        var errors = new FieldErrors();
        string? trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254 || !trimmed.Contains('@', StringComparison.Ordinal))
            errors.Add("email", "must be an email address of at most 254 characters");
        if (password is not { } p || p.Length < IdentitySetup.MinPasswordLength || p.Length > 256)
            errors.Add("password", $"must be {IdentitySetup.MinPasswordLength}–256 characters");
        return errors;
    }

    /// <summary>Creates a patient account and signs it in; the user, or the field errors.</summary>
    public async Task<(ApplicationUser? User, FieldErrors Errors)> RegisterAsync(string? email, string? password)
    {
        var errors = Check(email, password);
        if (errors.Any) return (null, errors);
        var user = new ApplicationUser { UserName = email!.Trim(), Email = email.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
                errors.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description);
            return (null, errors);
        }
        await users.AddToRoleAsync(user, Roles.Patient);
        await signIn.SignInAsync(user, isPersistent: false);
        return (user, errors);
    }

    /// <summary>Signs in by email and password, counting failures towards the lockout.</summary>
    public async Task<(SignInOutcome Outcome, ApplicationUser? User, FieldErrors Errors)> SignInAsync(string? email, string? password)
    {
        var errors = Check(email, password);
        if (errors.Any) return (SignInOutcome.Invalid, null, errors);
        var user = await users.FindByEmailAsync(email!.Trim());
        var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut) return (SignInOutcome.LockedOut, user, errors);
        return result.Succeeded ? (SignInOutcome.SignedIn, user, errors) : (SignInOutcome.Failed, null, errors);
    }

    public Task SignOutAsync() => signIn.SignOutAsync();

    public static string LockedOutMessage =>
        $"Too many failed sign-ins ({IdentitySetup.MaxFailedSignIns}); try again in {IdentitySetup.LockoutDuration.TotalMinutes:0} minutes.";

    public const string FailedMessage = "The email or password is wrong.";
}
