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

    /// <summary>Writes n envelope values into gains; the stage logic runs per sample but costs a compare and a multiply.</summary>
    public void Render(Span<float> gains)
    {
        double level = _level;
        int stage = _stage;
        if (stage == 2 && level == _sustain)
        {
            gains.Fill((float)level); // held sustain: nothing to compute
            return;
        }
        if (stage == 0)
        {
            gains.Clear();
            return;
        }
        for (int i = 0; i < gains.Length; i++)
        {
            switch (stage)
            {
                case 1:
                    level += _attackStep;
                    if (level >= 1.0) { level = 1.0; stage = 2; }
                    break;
                case 2:
                    level = _sustain + (level - _sustain) * _decayCoef;
                    if (_sustain <= 0 && level < EndLevel) { level = 0; stage = 0; }
                    break;
                case 3:
                    level *= _releaseCoef;
                    if (level < EndLevel) { level = 0; stage = 0; }
                    break;
                default:
                    level = 0;
                    break;
            }
            gains[i] = (float)level;
        }
        _level = level;
        _stage = stage;
    }

    private static double Coefficient(double t60Seconds) =>
        Math.Exp(Math.Log(0.001) / (Math.Max(t60Seconds, 0.005) * AudioFormat.SampleRate));
}
