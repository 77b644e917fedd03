namespace Attune.Server.Data;

/// <summary>The role names seeded at start-up; authorisation policies refer to these.</summary>
public static class Roles
{
    public const string Patient = "Patient";
    public const string Clinician = "Clinician";
    public const string Researcher = "Researcher";

    public static IReadOnlyList<string> All { get; } = [Patient, Clinician, Researcher];
}
