using Attune.Server.Features.Shared;
using Microsoft.AspNetCore.Components.Authorization;

namespace Attune.Server.Components.Patient;

/// <summary>
/// The signed-in person behind an interactive circuit, and a fresh DI scope for each piece of work: a circuit lives
/// for as long as the page is open, so a database context must not live with it.
/// </summary>
internal sealed class PatientScope(AuthenticationStateProvider authentication, IServiceScopeFactory scopes)
{
    public async Task<string> UserIdAsync() => (await authentication.GetAuthenticationStateAsync()).User.UserId();

    /// <summary>Runs <paramref name="work"/> with a service from a new scope and the person's user id.</summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, string, Task<T>> work) where TService : notnull
    {
        string userId = await UserIdAsync();
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>(), userId);
    }
}
