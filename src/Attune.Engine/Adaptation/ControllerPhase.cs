namespace Attune.Engine.Adaptation;

/// <summary>What the controller was doing when it made a decision.</summary>
public enum ControllerPhase
{
    /// <summary>Matching the music to the person's current state (iso principle, first step).</summary>
    Meet,
    /// <summary>Moving the music gradually toward the goal.</summary>
    Lead,
    /// <summary>Keeping the music where it is because the state estimate is too uncertain.</summary>
    Hold,
    /// <summary>Moving back toward the person after a bad reaction (arousal rise, skip, dislike).</summary>
    BackOff,
    /// <summary>Keeping a steady, unobtrusive level (background goal, or goal reached).</summary>
    Steady,
    /// <summary>Sleep goal: fading the programme out toward the end of the timer.</summary>
    FadeOut,
}
