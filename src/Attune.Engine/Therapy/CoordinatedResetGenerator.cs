namespace Attune.Engine.Therapy;

/// <summary>
/// EXPERIMENTAL: acoustic coordinated-reset (CR) tones (Tass et al. 2012; Desyncra). Four brief tones
/// around the tinnitus frequency play in a fresh random order every cycle, cycles at 1.5 Hz, three
/// cycles on and two off, 4–6 h/day for 12 weeks in the trial. The tone ratios of the 2012 study are
/// unconfirmed; 0.77, 0.90, 1.09, 1.40 × fT follow an open implementation (THERAPY.md), and Tass 2019
/// proposes ERB spacing instead. Evidence is weak: expose only as an experimental mode.
/// </summary>
public sealed class CoordinatedResetGenerator : IAudioSource
{
    /// <summary>This mode is experimental (unconfirmed tone ratios, limited evidence).</summary>
    public const bool IsExperimental = true;
    public const double CycleHz = 1.5;
    public const int CyclesOn = 3, CyclesOff = 2;
    public const double MinLevelDbfs = -120, MaxLevelDbfs = -10;
    /// <summary>Raised-cosine attack and release of every tone, so no tone starts or stops with a click.</summary>
    public const double RampSeconds = 0.03;
    private const double GlideSeconds = 0.05;

    private readonly SeededRandom _random;
    private readonly int[] _order = [0, 1, 2, 3];
    private readonly double[] _stepCos = new double[4], _stepSin = new double[4];
    private readonly double[] _ramp; // rising half of a raised cosine, starts at exactly 0
    private readonly int _cycleFrames, _toneFrames, _periodFrames;
    private SmoothedValue _amplitude;
    private int _position; // frame within the on/off period
    private double _cos, _sin; // tone phasor

    /// <param name="tinnitusHz">Matched tinnitus frequency fT, 250–16,000 Hz.</param>
    /// <param name="levelDbfs">RMS of a tone at full envelope, dBFS.</param>
    /// <param name="random">Drives the tone order.</param>
    public CoordinatedResetGenerator(double tinnitusHz, double levelDbfs, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (double.IsNaN(tinnitusHz) || tinnitusHz < TherapyProfile.MinTinnitusHz || tinnitusHz > TherapyProfile.MaxTinnitusHz)
            throw new ArgumentOutOfRangeException(nameof(tinnitusHz), tinnitusHz,
                $"tinnitusHz must be within {TherapyProfile.MinTinnitusHz}–{TherapyProfile.MaxTinnitusHz} Hz");
        RequireLevel(nameof(levelDbfs), levelDbfs);
        TinnitusHz = tinnitusHz;
        LevelDbfs = levelDbfs;
        _random = random.Fork();
        for (int i = 0; i < 4; i++)
        {
            double step = 2 * Math.PI * ToneHz(i) / AudioFormat.SampleRate;
            _stepCos[i] = Math.Cos(step);
            _stepSin[i] = Math.Sin(step);
        }
        _cycleFrames = (int)Math.Round(AudioFormat.SampleRate / CycleHz);
        _toneFrames = _cycleFrames / 4;
        _periodFrames = _cycleFrames * (CyclesOn + CyclesOff);
        _ramp = new double[(int)Math.Round(RampSeconds * AudioFormat.SampleRate)];
        for (int n = 0; n < _ramp.Length; n++) _ramp[n] = 0.5 - 0.5 * Math.Cos(Math.PI * n / _ramp.Length);
        _amplitude = new SmoothedValue((float)(Math.Sqrt(2) * Decibels.ToGain(levelDbfs)), GlideSeconds);
    }

    /// <summary>Tone frequencies as multiples of fT (unconfirmed, see the type summary).</summary>
    public static ReadOnlySpan<double> ToneRatios => [0.77, 0.90, 1.09, 1.40];

    public double TinnitusHz { get; }
    public double LevelDbfs { get; private set; }

    /// <summary>Short pitched tones with a distinct onset, repeated six per second.</summary>
    public SoundClass Classes => SoundClass.TonalStruck;

    public double ToneHz(int index) => TinnitusHz * ToneRatios[index];

    /// <summary>Glides to a new tone level (call between blocks).</summary>
    public void SetLevelDbfs(double dbfs)
    {
        RequireLevel(nameof(dbfs), dbfs);
        LevelDbfs = dbfs;
        _amplitude.SetTarget((float)(Math.Sqrt(2) * Decibels.ToGain(dbfs)));
    }

    public void Render(Span<float> left, Span<float> right)
    {
        if (right.Length < left.Length)
            throw new ArgumentException($"right ({right.Length}) is shorter than left ({left.Length})", nameof(right));
        for (int i = 0; i < left.Length; i++)
        {
            float amplitude = _amplitude.Next();
            int inCycle = _position % _cycleFrames;
            float sample = 0;
            if (_position < CyclesOn * _cycleFrames)
            {
                if (inCycle == 0) Shuffle();
                int slot = inCycle / _toneFrames, n = inCycle - slot * _toneFrames;
                if (n == 0) { _cos = 1; _sin = 0; }
                int tone = _order[slot];
                double envelope = n < _ramp.Length ? _ramp[n]
                    : _toneFrames - n < _ramp.Length ? _ramp[_toneFrames - n] : 1;
                sample = (float)(amplitude * envelope * _sin);
                double c = _cos * _stepCos[tone] - _sin * _stepSin[tone];
                _sin = _sin * _stepCos[tone] + _cos * _stepSin[tone];
                _cos = c;
            }
            left[i] = sample;
            right[i] = sample;
            if (++_position == _periodFrames) _position = 0;
        }
    }

    /// <summary>Fisher–Yates shuffle of the four tones for the next cycle.</summary>
    private void Shuffle()
    {
        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = _random.Next(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
    }

    private static void RequireLevel(string name, double value)
    {
        if (double.IsNaN(value) || value < MinLevelDbfs || value > MaxLevelDbfs)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be within {MinLevelDbfs}–{MaxLevelDbfs} dBFS");
    }
}
