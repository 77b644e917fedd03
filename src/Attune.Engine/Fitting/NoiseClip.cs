using Attune.Engine.Therapy;

namespace Attune.Engine.Fitting;

/// <summary>A noise burst for the wizard, from the therapy <see cref="NoiseGenerator"/>, ramped, then through Safety.</summary>
public static class NoiseClip
{
    // The generator renders at a fixed level inside its range; the clip level is applied as a gain afterwards.
    private const double RenderDbfs = -20;

    /// <param name="profile">The person's profile; its MaxLufs and ceiling bound the clip.</param>
    /// <param name="color">Spectral colour.</param>
    /// <param name="levelDbfs">RMS per channel, dBFS.</param>
    /// <param name="milliseconds">Duration, 200–3000 ms, including the 20 ms ramps.</param>
    /// <param name="seed">Seed of the noise (the same seed gives the same samples).</param>
    /// <param name="centreHz">Centre of the narrow band, 250–16 000 Hz (ignored by the other colours).</param>
    public static StereoClip Render(TherapyProfile profile, NoiseColor color, double levelDbfs, int milliseconds, ulong seed, double centreHz = 1000)
    {
        ArgumentNullException.ThrowIfNull(profile);
        FittingLevels.RequireLevel(levelDbfs);
        int frames = FittingLevels.RequireFrames(milliseconds);
        var generator = new NoiseGenerator(color, RenderDbfs, new SeededRandom(seed), centreHz);
        var left = new float[frames];
        var right = new float[frames];
        generator.Render(left, right);
        float gain = (float)Decibels.ToGain(levelDbfs - RenderDbfs);
        for (int i = 0; i < frames; i++)
        {
            left[i] *= gain;
            right[i] *= gain;
        }
        ClipSafety.Ramp(left, right);
        return ClipSafety.Apply(profile, left, right);
    }
}
