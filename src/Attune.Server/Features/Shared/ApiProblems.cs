using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Server.Features.Shared;

/// <summary>Problems every feature returns the same way.</summary>
internal static class ApiProblems
{
    /// <summary>Unknown and not-yours look the same, so ids of other people's data are never confirmed.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what} with that id.");

    /// <summary>The signed-in user's id; endpoints using it all require authorisation, so it is always present.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("endpoint requires an authenticated user");
}
