namespace Attune.Engine.Sensing;

/// <summary>
/// What a self-report rates. The first five are 0–10 numeric rating scales; the last two are the
/// Self-Assessment Manikin (Bradley &amp; Lang 1994) 9-point pictorial scales, 1–9.
/// </summary>
public enum SelfReportScale
{
    /// <summary>0 = no distress, 10 = worst imaginable.</summary>
    Distress,
    /// <summary>0 = tinnitus inaudible, 10 = as loud as imaginable.</summary>
    TinnitusLoudness,
    /// <summary>0 = not annoying, 10 = extremely annoying.</summary>
    TinnitusAnnoyance,
    /// <summary>0 = sounds comfortable, 10 = everyday sounds unbearable.</summary>
    SoundSensitivity,
    /// <summary>0 = not calm at all, 10 = completely calm.</summary>
    Calm,
    /// <summary>SAM valence: 1 = very unpleasant, 5 = neutral, 9 = very pleasant.</summary>
    SamValence,
    /// <summary>SAM arousal: 1 = very calm, 5 = neutral, 9 = very excited.</summary>
    SamArousal,
}
