namespace Attune.Engine.Safety;

/// <summary>
/// Maximum true peak of a stereo stream, ITU-R BS.1770-4 Annex 2: 4× oversampling by a polyphase FIR, then the
/// largest absolute value across channels, in dBTP. Feed blocks in order; read <see cref="MaxDbtp"/>.
/// </summary>
public sealed class TruePeakMeter
{
    public const int DefaultTapsPerPhase = 48;

    private readonly TruePeakInterpolator _left;
    private readonly TruePeakInterpolator _right;
    private readonly double[] _blockLeft = new double[TruePeakInterpolator.MaxBlock];
    private readonly double[] _blockRight = new double[TruePeakInterpolator.MaxBlock];

    public TruePeakMeter(int tapsPerPhase = DefaultTapsPerPhase)
    {
        _left = new TruePeakInterpolator(tapsPerPhase);
        _right = new TruePeakInterpolator(tapsPerPhase);
    }

    /// <summary>Largest true peak so far, linear (1.0 = 0 dBTP).</summary>
    public double MaxLinear { get; private set; }

    /// <summary>Largest true peak so far in dBTP (−∞ before any non-zero sample).</summary>
    public double MaxDbtp => Decibels.FromGain(MaxLinear);

    public void Process(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (left.Length != right.Length)
            throw new ArgumentException($"left and right must have the same length (got {left.Length} and {right.Length})", nameof(right));
        for (int start = 0; start < left.Length; start += TruePeakInterpolator.MaxBlock)
        {
            int n = Math.Min(TruePeakInterpolator.MaxBlock, left.Length - start);
            for (int i = 0; i < n; i++) { _blockLeft[i] = left[start + i]; _blockRight[i] = right[start + i]; }
            Feed(n);
        }
    }

    /// <summary>Flushes the interpolator's delay with silence so the last samples are measured too.</summary>
    public void Flush()
    {
        int n = _left.Delay + 1;
        Array.Clear(_blockLeft, 0, n);
        Array.Clear(_blockRight, 0, n);
        Feed(n);
    }

    private void Feed(int n)
    {
        double max = MaxLinear;
        if (_left.Process(_blockLeft.AsSpan(0, n), max)) max = Math.Max(max, Max(_left.Peaks));
        if (_right.Process(_blockRight.AsSpan(0, n), max)) max = Math.Max(max, Max(_right.Peaks));
        MaxLinear = max;
    }

    private static double Max(ReadOnlySpan<double> x)
    {
        double m = 0;
        foreach (double v in x) m = Math.Max(m, v);
        return m;
    }
}
