namespace Attune.Server.Components.Pages;

/// <summary>The sign-in and register forms' fields, bound from the posted form.</summary>
public sealed class CredentialsForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
