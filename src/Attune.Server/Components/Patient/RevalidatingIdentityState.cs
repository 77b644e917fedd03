using System.Security.Claims;
using Attune.Server.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Attune.Server.Components.Patient;

/// <summary>
/// Checks an open app page's sign-in again every <see cref="RevalidationInterval"/>: a page left open keeps its circuit,
/// and with it who signed in, for as long as it stays open. When the account is gone or its security stamp changed
/// (a new password, a forced sign-out), the circuit's person becomes anonymous and the workspace sends the page to
/// the landing page. The same rule the cookie follows on every request (Identity's security-stamp validator).
/// </summary>
internal sealed class RevalidatingIdentityState(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await IsStillValidAsync(users, identity.Value, state.User);
    }

    /// <summary>The account still exists and, where stamps are kept, its stamp is the one the sign-in carried.</summary>
    public static async Task<bool> IsStillValidAsync(UserManager<ApplicationUser> users, IdentityOptions options, ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        string? signedInWith = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return signedInWith == await users.GetSecurityStampAsync(user);
    }
}
