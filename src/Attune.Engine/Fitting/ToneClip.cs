namespace Attune.Engine.Fitting;

/// <summary>A pure tone for the wizard: loudness-balanced by <see cref="EqualLoudness"/>, ramped, then through Safety.</summary>
public static class ToneClip
{
    /// <param name="profile">The person's profile; its MaxLufs and ceiling bound the clip.</param>
    /// <param name="hz">Tone frequency, 250–16 000 Hz.</param>
    /// <param name="levelDbfs">RMS per channel (dBFS) a 1 kHz tone would have; other frequencies get the 40-phon gain on top.</param>
    /// <param name="milliseconds">Duration, 200–3000 ms, including the 20 ms ramps.</param>
    public static StereoClip Render(TherapyProfile profile, double hz, double levelDbfs, int milliseconds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        double balance = EqualLoudness.GainDb(hz);
        FittingLevels.RequireLevel(levelDbfs);
        int frames = FittingLevels.RequireFrames(milliseconds);
        double amplitude = Math.Sqrt(2) * Decibels.ToGain(levelDbfs + balance);
        double step = 2 * Math.PI * hz / AudioFormat.SampleRate;
        var left = new float[frames];
        var right = new float[frames];
        for (int i = 0; i < frames; i++) left[i] = right[i] = (float)(amplitude * Math.Sin(step * i));
        ClipSafety.Ramp(left, right);
        return ClipSafety.Apply(profile, left, right);
    }
}
