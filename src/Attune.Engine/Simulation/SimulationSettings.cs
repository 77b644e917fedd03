namespace Attune.Engine.Simulation;

/// <summary>What to simulate: how many virtual patients, how many sessions each, with which policy. Validated by name and range.</summary>
public sealed record SimulationSettings
{
    public const int MaxPatients = 10_000, MaxSessions = 200;
    public const double MinSessionMinutes = 5, MaxSessionMinutes = 120;

    public SimulationSettings(int patients, int sessions, SimulationPolicy policy, ulong seed = 1, double sessionMinutes = 20,
        int pilotPatients = 100, int pilotSessions = 3)
    {
        if (patients is < 1 or > MaxPatients)
            throw new ArgumentOutOfRangeException(nameof(patients), patients, $"patients must be in 1–{MaxPatients}");
        if (sessions is < 1 or > MaxSessions)
            throw new ArgumentOutOfRangeException(nameof(sessions), sessions, $"sessions must be in 1–{MaxSessions}");
        if (!Enum.IsDefined(policy))
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "policy must be adaptive, static, random or best");
        if (!(sessionMinutes >= MinSessionMinutes && sessionMinutes <= MaxSessionMinutes))
            throw new ArgumentOutOfRangeException(nameof(sessionMinutes), sessionMinutes, $"sessionMinutes must be in {MinSessionMinutes}–{MaxSessionMinutes}");
        if (pilotPatients is < 2 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(pilotPatients), pilotPatients, "pilotPatients must be in 2–1000");
        if (pilotSessions is < 1 or > 20)
            throw new ArgumentOutOfRangeException(nameof(pilotSessions), pilotSessions, "pilotSessions must be in 1–20");
        Patients = patients;
        Sessions = sessions;
        Policy = policy;
        Seed = seed;
        SessionMinutes = sessionMinutes;
        PilotPatients = pilotPatients;
        PilotSessions = pilotSessions;
    }

    public int Patients { get; }
    public int Sessions { get; }
    public SimulationPolicy Policy { get; }
    public ulong Seed { get; }
    public double SessionMinutes { get; }

    /// <summary>A separate pilot population (random presets) whose pooled outcomes give the population prior and the static programme's preset.</summary>
    public int PilotPatients { get; }
    public int PilotSessions { get; }
}
