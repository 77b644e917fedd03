namespace Attune.Server.Features.Account;

/// <summary>The signed-in account as the API shows it.</summary>
public sealed record AccountResponse(string Id, string Email, IReadOnlyList<string> Roles);
