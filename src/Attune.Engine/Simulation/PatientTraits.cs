namespace Attune.Engine.Simulation;

/// <summary>
/// The hidden traits of one virtual patient: what the simulator knows and the loop must discover.
/// Numbers are plausible ranges for adults at rest (heart rate 50–95 bpm; RMSSD 15–100 ms, Task Force
/// 1996 / Nunan et al. 2010 norms; breathing 10–18 /min), not fitted to any dataset.
/// </summary>
/// <param name="Profile">The person's therapy profile as their clinician recorded it.</param>
/// <param name="RestingHeartRateBpm">Heart rate at arousal 0.5 (the person's baseline).</param>
/// <param name="RestingRmssdMs">RMSSD at arousal 0.5.</param>
/// <param name="BreathingBpm">Breathing rate at rest.</param>
/// <param name="ResponseSeconds">Time constant with which arousal follows the music (60–180 s).</param>
/// <param name="LagSeconds">Delay before the music's effect begins (1–3 s; Schubert 2004).</param>
/// <param name="Pull">How strongly the music's arousal draws the person's (0.5–0.9).</param>
/// <param name="FeatureWeights">Sensitivity to tempo, loudness, register, brightness and onset rate (sums to 1).</param>
/// <param name="MismatchTolerance">How far below the person the music may be before it irritates (iso principle).</param>
/// <param name="PresetLiking">Liking of each preset in catalog order, −1..1; liked music calms more and is rated higher.</param>
/// <param name="HiddenTriggers">Trigger sound classes the profile does not yet exclude.</param>
/// <param name="MeanDayArousal">Mean arousal at the start of a session.</param>
public sealed record PatientTraits(
    TherapyProfile Profile,
    double RestingHeartRateBpm,
    double RestingRmssdMs,
    double BreathingBpm,
    double ResponseSeconds,
    double LagSeconds,
    double Pull,
    IReadOnlyList<double> FeatureWeights,
    double MismatchTolerance,
    IReadOnlyList<double> PresetLiking,
    SoundClass HiddenTriggers,
    double MeanDayArousal)
{
    /// <summary>The index of the preset this person likes most (what the <c>best</c> policy plays).</summary>
    public int BestPreset
    {
        get
        {
            int best = 0;
            for (int i = 1; i < PresetLiking.Count; i++)
                if (PresetLiking[i] > PresetLiking[best]) best = i;
            return best;
        }
    }
}
