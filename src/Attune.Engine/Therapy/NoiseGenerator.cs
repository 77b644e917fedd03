using System.Runtime.Intrinsics;

namespace Attune.Engine.Therapy;

/// <summary>
/// Therapy noise: white, pink, brown or narrow-band, at a calibrated RMS level per channel, with
/// independent (decorrelated) left and right streams and optional slow amplitude "waves" (the
/// slow-modulation option of sound generators, ReSound TSG). Level and wave depth glide when changed;
/// the wave rate changes the phase increment only, so the envelope never jumps.
/// </summary>
public sealed class NoiseGenerator : IAudioSource
{
    public const double MinLevelDbfs = -120, MaxLevelDbfs = -10;
    public const double MinWaveRateHz = 0.05, MaxWaveRateHz = 0.5;
    public const double MinCentreHz = TherapyProfile.MinTinnitusHz, MaxCentreHz = TherapyProfile.MaxTinnitusHz;
    private const double GlideSeconds = 0.05;
    // Uniform white noise in [−1, 1) has RMS 1/√3.
    private static readonly double UniformRms = 1 / Math.Sqrt(3);

    private readonly SeededRandom _leftRandom, _rightRandom;
    private readonly NoiseShaper _shaper;
    private readonly Vector128<double>[] _buffer = new Vector128<double>[AudioFormat.BlockSize];
    private readonly double _unitGain; // scales shaped noise to 0 dBFS RMS
    private SmoothedValue _gain, _depth;
    private double _waveCos = 1, _waveSin; // unit phasor of the wave LFO
    private double _stepCos = 1, _stepSin;

    /// <param name="color">Spectral colour.</param>
    /// <param name="levelDbfs">RMS level per channel, dBFS (at the crest of the waves when they are on).</param>
    /// <param name="random">Root generator; two forks drive left and right.</param>
    /// <param name="centreHz">Centre of the narrow band (ignored by the other colours), 250–16,000 Hz.</param>
    public NoiseGenerator(NoiseColor color, double levelDbfs, SeededRandom random, double centreHz = 1000)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!Enum.IsDefined(color)) throw new ArgumentOutOfRangeException(nameof(color), color, "color must be White, Pink, Brown or NarrowBand");
        RequireRange(nameof(levelDbfs), levelDbfs, MinLevelDbfs, MaxLevelDbfs, "dBFS");
        RequireRange(nameof(centreHz), centreHz, MinCentreHz, MaxCentreHz, "Hz");
        Color = color;
        CentreHz = centreHz;
        LevelDbfs = levelDbfs;
        _leftRandom = random.Fork();
        _rightRandom = random.Fork();
        _shaper = new NoiseShaper(color, centreHz, AudioFormat.SampleRate);
        _unitGain = 1 / (UniformRms * Math.Sqrt(_shaper.PowerGain));
        _gain = new SmoothedValue((float)Decibels.ToGain(levelDbfs), GlideSeconds);
        _depth = new SmoothedValue(0, GlideSeconds);
        WaveRateHz = MinWaveRateHz;
    }

    public NoiseColor Color { get; }
    public double CentreHz { get; }

    /// <summary>Target RMS level, dBFS per channel.</summary>
    public double LevelDbfs { get; private set; }

    public double WaveRateHz { get; private set; }

    /// <summary>Fraction of amplitude removed at the trough of a wave: 0 = steady, 1 = down to silence.</summary>
    public double WaveDepth { get; private set; }

    /// <summary>
    /// Steady noise; with waves on, also water- and wind-like, because listeners hear swelling noise
    /// as surf or as wind. Over-tagging only withholds a sound from a misophonia profile; under-tagging could play a trigger.
    /// </summary>
    public SoundClass Classes => WaveDepth > 0
        ? SoundClass.SteadyNoise | SoundClass.WaterLike | SoundClass.WindLike
        : SoundClass.SteadyNoise;

    /// <summary>Glides to a new RMS level (call between blocks).</summary>
    public void SetLevelDbfs(double dbfs)
    {
        RequireRange(nameof(dbfs), dbfs, MinLevelDbfs, MaxLevelDbfs, "dBFS");
        LevelDbfs = dbfs;
        _gain.SetTarget((float)Decibels.ToGain(dbfs));
    }

    /// <summary>Slow sinusoidal amplitude modulation; depth 0 turns the waves off (gliding).</summary>
    public void SetWaves(double rateHz, double depth)
    {
        RequireRange(nameof(rateHz), rateHz, MinWaveRateHz, MaxWaveRateHz, "Hz");
        RequireRange(nameof(depth), depth, 0, 1, "(fraction)");
        WaveRateHz = rateHz;
        WaveDepth = depth;
        double step = 2 * Math.PI * rateHz / AudioFormat.SampleRate;
        _stepCos = Math.Cos(step);
        _stepSin = Math.Sin(step);
        _depth.SetTarget((float)depth);
    }

    public void Render(Span<float> left, Span<float> right)
    {
        if (right.Length < left.Length)
            throw new ArgumentException($"right ({right.Length}) is shorter than left ({left.Length})", nameof(right));
        for (int start = 0; start < left.Length; start += _buffer.Length)
        {
            int n = Math.Min(_buffer.Length, left.Length - start);
            RenderChunk(left.Slice(start, n), right.Slice(start, n));
        }
    }

    private void RenderChunk(Span<float> left, Span<float> right)
    {
        Span<Vector128<double>> buffer = _buffer.AsSpan(0, left.Length);
        for (int i = 0; i < buffer.Length; i++)
            buffer[i] = Vector128.Create((double)_leftRandom.NextBipolar(), _rightRandom.NextBipolar());
        _shaper.Process(buffer);
        double c = _waveCos, s = _waveSin;
        for (int i = 0; i < buffer.Length; i++)
        {
            // Envelope 1 − depth·(1 − cos φ)/2: 1 at the crest, 1 − depth at the trough.
            double envelope = 1 - _depth.Next() * (1 - c) * 0.5;
            Vector128<double> y = buffer[i] * (_gain.Next() * _unitGain * envelope);
            left[i] = (float)y.GetElement(0);
            right[i] = (float)y.GetElement(1);
            double nc = c * _stepCos - s * _stepSin;
            s = s * _stepCos + c * _stepSin;
            c = nc;
        }
        // Renormalise the phasor once per block so rounding never changes its amplitude.
        double norm = 1 / Math.Sqrt(c * c + s * s);
        _waveCos = c * norm;
        _waveSin = s * norm;
    }

    private static void RequireRange(string name, double value, double min, double max, string unit)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be within {min}–{max} {unit}");
    }
}
