using Attune.Server.Components.Patient;
using Attune.Server.Data;
using Attune.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attune.Server.Tests.Components;

/// <summary>An open app page's sign-in is checked again (RevalidatingIdentityState), as the cookie is on each request.</summary>
public class RevalidationTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task A_sign_in_stops_holding_once_the_security_stamp_changes_or_the_account_is_gone()
    {
        using var client = factory.NewClient(); // starts the app, so its database exists
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var user = new ApplicationUser { UserName = $"r{Guid.NewGuid():N}@example.org", Email = $"r{Guid.NewGuid():N}@example.org" };
        Assert.True((await users.CreateAsync(user, Api.Password)).Succeeded);

        var principal = await signIn.CreateUserPrincipalAsync(user);
        Assert.True(await RevalidatingIdentityState.IsStillValidAsync(users, options, principal));

        await users.UpdateSecurityStampAsync(user); // e.g. a new password
        Assert.False(await RevalidatingIdentityState.IsStillValidAsync(users, options, principal));

        var fresh = await signIn.CreateUserPrincipalAsync(user);
        Assert.True(await RevalidatingIdentityState.IsStillValidAsync(users, options, fresh));
        await users.DeleteAsync(user);
        Assert.False(await RevalidatingIdentityState.IsStillValidAsync(users, options, fresh));
    }
}
