using Attune.Engine.Composition;

namespace Attune.Engine.Adaptation;

/// <summary>
/// One decision of <see cref="TherapyController"/>: where the music is going and why.
/// </summary>
/// <param name="TimeSeconds">Session time of the decision.</param>
/// <param name="Phase">What the controller was doing.</param>
/// <param name="PersonArousal">The estimated arousal the decision was based on.</param>
/// <param name="PreviousMusicArousal">The music's arousal before the decision.</param>
/// <param name="MusicArousal">The music's arousal after the decision (the intent is built from it).</param>
/// <param name="Intent">The intent for the music player, with every condition constraint applied.</param>
/// <param name="BreathingRateBpm">The pacing rate for the loudness swells (breaths per minute).</param>
/// <param name="ExcludedClasses">Sound classes the music must not use (profile plus in-session dislikes).</param>
/// <param name="NotchHz">The tinnitus notch centre the output must carry, or null without tinnitus.</param>
/// <param name="Finished">True once a sleep timer has run out: the session should fade out and stop.</param>
/// <param name="Reason">Plain-words reason, also written to the event log.</param>
public sealed record ControllerDecision(
    double TimeSeconds,
    ControllerPhase Phase,
    double PersonArousal,
    double PreviousMusicArousal,
    double MusicArousal,
    MusicalIntent Intent,
    double BreathingRateBpm,
    SoundClass ExcludedClasses,
    double? NotchHz,
    bool Finished,
    string Reason);
