namespace Attune.Engine.Safety;

/// <summary>
/// The session envelope: fade-in, fade-out, stop/too-loud ramps and resume, each a raised-cosine glide from the
/// current gain to its target so no change ever starts or ends with a kink.
/// </summary>
internal sealed class FadeController
{
    public const double LongFadeSeconds = 5.0;
    public const double StopRampSeconds = 0.025;
    public const double ResumeSeconds = 0.5;

    private double _from, _to;
    private int _length, _position;

    public FadeController(bool fadeIn)
    {
        if (fadeIn) Glide(0, 1, LongFadeSeconds);
        else { _from = _to = 1; _length = _position = 1; Gain = 1; }
    }

    public double Gain { get; private set; }

    public bool IsGliding => _position < _length;

    /// <summary>The gain the envelope is heading to (0 after a stop or fade-out).</summary>
    public double Target => _to;

    public void Glide(double from, double to, double seconds)
    {
        _from = from;
        _to = to;
        _length = Math.Max(1, (int)Math.Round(seconds * AudioFormat.SampleRate));
        _position = 0;
        Gain = from;
    }

    /// <summary>Glides from wherever the envelope is now.</summary>
    public void GlideTo(double to, double seconds) => Glide(Gain, to, seconds);

    /// <summary>Advances one frame; returns the gain for that frame.</summary>
    public double Next()
    {
        if (_position >= _length) return Gain = _to;
        _position++;
        double shape = 0.5 - 0.5 * Math.Cos(Math.PI * _position / _length);
        return Gain = _from + (_to - _from) * shape;
    }
}
