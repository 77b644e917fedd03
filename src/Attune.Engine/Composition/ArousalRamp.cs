namespace Attune.Engine.Composition;

/// <summary>
/// A planned arousal trajectory (iso principle: start where the person is, move gradually to the
/// goal): linear from start to end over a duration, in 0.01 steps whose intents are built up front
/// so following the ramp on the audio thread allocates nothing. The glide smooths the steps.
/// </summary>
internal sealed class ArousalRamp
{
    private const int Steps = 100;
    private readonly MusicalIntent[] _intents = new MusicalIntent[Steps + 1];
    private readonly double _start, _end;
    private readonly long _frames;

    public ArousalRamp(double start, double end, long frames)
    {
        _start = start;
        _end = end;
        _frames = Math.Max(1, frames);
        for (int i = 0; i <= Steps; i++) _intents[i] = MusicalIntent.ForArousal((double)i / Steps);
    }

    /// <summary>The ramp's intent at an absolute frame (the end value after the ramp).</summary>
    public MusicalIntent At(long frame)
    {
        double t = Math.Clamp((double)frame / _frames, 0, 1);
        return _intents[(int)Math.Round((_start + (_end - _start) * t) * Steps)];
    }
}
