namespace Attune.Server.Features.Account;

/// <summary>Body of register and login.</summary>
public sealed record CredentialsRequest(string? Email, string? Password);
