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
        double max = MaxLinear;
        for (int i = 0; i < left.Length; i++)
        {
            max = Math.Max(max, _left.Push(left[i], max));
            max = Math.Max(max, _right.Push(right[i], max));
        }
        MaxLinear = max;
    }

    /// <summary>Flushes the interpolator's delay with silence so the last samples are measured too.</summary>
    public void Flush()
    {
        double max = MaxLinear;
        for (int i = 0; i < _left.Delay + 1; i++)
        {
            max = Math.Max(max, _left.Push(0));
            max = Math.Max(max, _right.Push(0));
        }
        MaxLinear = max;
    }
}
