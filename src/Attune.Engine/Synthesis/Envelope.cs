namespace Attune.Engine.Synthesis;

/// <summary>
/// A click-free amplitude envelope: linear attack, exponential decay to a sustain level,
/// exponential release; ends at −80 dB. Mutable struct: keep it in a field.
/// </summary>
internal struct Envelope
{
    private const double EndLevel = 1e-4;
    private int _stage; // 0 idle, 1 attack, 2 decay/sustain, 3 release
    private double _level, _attackStep, _decayCoef, _sustain, _releaseCoef;

    public readonly bool IsActive => _stage != 0;
    public readonly bool IsReleasing => _stage == 3;
    public readonly float Level => (float)_level;

    /// <summary>decaySeconds is the time to fall 60 dB toward the sustain level (≤ 0: no decay).</summary>
    public void Start(double attackSeconds, double decaySeconds, double sustain, double releaseSeconds)
    {
        _attackStep = 1.0 / Math.Max(1, attackSeconds * AudioFormat.SampleRate);
        _decayCoef = decaySeconds > 0 ? Coefficient(decaySeconds) : 1.0;
        _sustain = sustain;
        _releaseCoef = Coefficient(releaseSeconds);
        _level = 0;
        _stage = 1;
    }

    /// <summary>Releases with the release time given at Start.</summary>
    public void Release()
    {
        if (_stage != 0) _stage = 3;
    }

    public void Release(double releaseSeconds)
    {
        if (_stage == 0) return;
        _releaseCoef = Coefficient(releaseSeconds);
        _stage = 3;
    }

    public void Stop()
    {
        _stage = 0;
        _level = 0;
    }

    /// <summary>Writes envelope values into gains, one tight loop per stage.</summary>
    public void Render(Span<float> gains)
    {
        double level = _level;
        int i = 0, n = gains.Length;
        while (i < n)
        {
            switch (_stage)
            {
                case 1:
                    for (; i < n; i++)
                    {
                        level += _attackStep;
                        if (level >= 1.0) { level = 1.0; _stage = 2; gains[i++] = 1f; break; }
                        gains[i] = (float)level;
                    }
                    break;
                case 2:
                    if (Math.Abs(level - _sustain) < 1e-7)
                    {
                        // Settled: hold the sustain level exactly.
                        level = _sustain;
                        gains[i..].Fill((float)level);
                        i = n;
                        break;
                    }
                    double s = _sustain, k = _decayCoef;
                    for (; i < n; i++)
                    {
                        level = s + (level - s) * k;
                        gains[i] = (float)level;
                    }
                    if (s <= 0 && level < EndLevel) Stop(ref level);
                    break;
                case 3:
                    double r = _releaseCoef;
                    for (; i < n; i++)
                    {
                        level *= r;
                        gains[i] = (float)level;
                    }
                    if (level < EndLevel) Stop(ref level);
                    break;
                default:
                    gains[i..].Clear();
                    i = n;
                    break;
            }
        }
        _level = level;
    }

    private void Stop(ref double level)
    {
        level = 0;
        _stage = 0;
    }

    private static double Coefficient(double t60Seconds) =>
        Math.Exp(Math.Log(0.001) / (Math.Max(t60Seconds, 0.005) * AudioFormat.SampleRate));
}
