namespace Attune.Engine.Simulation;

/// <summary>How the simulated sessions choose their music.</summary>
public enum SimulationPolicy
{
    /// <summary>The closed loop: the therapy controller within a session, the personaliser across sessions.</summary>
    Adaptive,
    /// <summary>The population-best preset as a fixed wind-down programme, no adaptation (a good pre-recorded programme).</summary>
    Static,
    /// <summary>The therapy controller with a random preset each session.</summary>
    Random,
    /// <summary>The therapy controller with the patient's own best preset, known only to the simulator.</summary>
    Best,
}
