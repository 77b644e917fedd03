namespace Attune.Engine.Safety;

/// <summary>
/// Programme loudness per ITU-R BS.1770-4 (and EBU Tech 3341 windows): K-weighted mean square per channel, channel
/// weights 1.0 (stereo L/R), L = −0.691 + 10·log10(Σ mean squares). Momentary = 400 ms, short-term = 3 s, both
/// updated every 100 ms and counting time before the first sample as silence; integrated = gated mean of 400 ms
/// blocks with 75 % overlap, absolute gate −70 LUFS, relative gate −10 LU. Feed blocks in order. No allocation
/// after construction.
/// </summary>
public sealed class LoudnessMeter
{
    public const int StepFrames = AudioFormat.SampleRate / 10;
    private const int MomentarySteps = 4, ShortTermSteps = 30;
    private const double AbsoluteGateLufs = -70, RelativeGateLu = -10;
    // Integrated loudness keeps a histogram of gating-block loudness (0.01 LU bins) instead of a growing list.
    private const double HistogramMinLufs = -70, HistogramBinLu = 0.01;
    private const int HistogramBins = 10_000;

    private KWeighting _kLeft = KWeighting.Create(), _kRight = KWeighting.Create();
    private readonly double[] _steps = new double[ShortTermSteps];
    private readonly long[] _binCount = new long[HistogramBins];
    private readonly double[] _binEnergy = new double[HistogramBins];
    private int _stepIndex;
    private long _stepsDone;
    private int _frameInStep;
    private double _acc;

    /// <summary>Momentary loudness (last 400 ms) at the latest 100 ms step, LUFS.</summary>
    public double Momentary { get; private set; } = double.NegativeInfinity;

    /// <summary>Short-term loudness (last 3 s) at the latest 100 ms step, LUFS.</summary>
    public double ShortTerm { get; private set; } = double.NegativeInfinity;

    public double MaxMomentary { get; private set; } = double.NegativeInfinity;
    public double MaxShortTerm { get; private set; } = double.NegativeInfinity;

    /// <summary>Completed 100 ms steps; <see cref="Momentary"/> and <see cref="ShortTerm"/> change only when this does.</summary>
    public long Steps => _stepsDone;

    public double Seconds => (_stepsDone * StepFrames + _frameInStep) / (double)AudioFormat.SampleRate;

    /// <summary>Gated integrated loudness over everything fed so far, LUFS (−∞ while no block passes the gates).</summary>
    public double Integrated
    {
        get
        {
            long n = 0;
            double e = 0;
            for (int b = 0; b < HistogramBins; b++) { n += _binCount[b]; e += _binEnergy[b]; }
            if (n == 0) return double.NegativeInfinity;
            double relativeGate = ToLufs(e / n) + RelativeGateLu;
            int first = Math.Max(0, (int)Math.Ceiling((relativeGate - HistogramMinLufs) / HistogramBinLu));
            n = 0;
            e = 0;
            for (int b = first; b < HistogramBins; b++) { n += _binCount[b]; e += _binEnergy[b]; }
            return n == 0 ? double.NegativeInfinity : ToLufs(e / n);
        }
    }

    public void Process(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (left.Length != right.Length)
            throw new ArgumentException($"left and right must have the same length (got {left.Length} and {right.Length})", nameof(right));
        for (int i = 0; i < left.Length; i++)
        {
            double l = _kLeft.Process(left[i]), r = _kRight.Process(right[i]);
            _acc += l * l + r * r;
            if (++_frameInStep == StepFrames) CompleteStep();
        }
    }

    /// <summary>Loudness in LUFS of a summed channel mean square (BS.1770-4 eq. 2 with unit weights).</summary>
    public static double ToLufs(double sumOfMeanSquares) =>
        sumOfMeanSquares <= 0 ? double.NegativeInfinity : -0.691 + 10 * Math.Log10(sumOfMeanSquares);

    /// <summary>The summed channel mean square that reads <paramref name="lufs"/>.</summary>
    public static double FromLufs(double lufs) => Math.Pow(10, (lufs + 0.691) / 10);

    private void CompleteStep()
    {
        _steps[_stepIndex] = _acc;
        _stepIndex = (_stepIndex + 1) % ShortTermSteps;
        _acc = 0;
        _frameInStep = 0;
        _stepsDone++;

        double m = 0, s = 0;
        for (int k = 0; k < ShortTermSteps; k++)
        {
            double v = _steps[(_stepIndex - 1 - k + 2 * ShortTermSteps) % ShortTermSteps];
            if (k < MomentarySteps) m += v;
            s += v;
        }
        double mz = m / (MomentarySteps * StepFrames);
        Momentary = ToLufs(mz);
        ShortTerm = ToLufs(s / (ShortTermSteps * StepFrames));
        MaxMomentary = Math.Max(MaxMomentary, Momentary);
        MaxShortTerm = Math.Max(MaxShortTerm, ShortTerm);

        // A gating block is a complete 400 ms window (BS.1770-4 §2.4: blocks start at multiples of 100 ms).
        if (_stepsDone >= MomentarySteps && Momentary > AbsoluteGateLufs)
        {
            int bin = Math.Min(HistogramBins - 1, (int)((Momentary - HistogramMinLufs) / HistogramBinLu));
            _binCount[bin]++;
            _binEnergy[bin] += mz;
        }
    }
}
