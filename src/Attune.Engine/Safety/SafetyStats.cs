namespace Attune.Engine.Safety;

/// <summary>What the safety stage has done so far; counters count engagements (entries), not blocks.</summary>
public sealed class SafetyStats
{
    /// <summary>Times the true-peak limiter started reducing gain.</summary>
    public int LimiterEngagements { get; internal set; }

    /// <summary>Largest limiter gain reduction, dB (≥ 0).</summary>
    public double MaxLimiterReductionDb { get; internal set; }

    /// <summary>Times the loudness governor reduced gain to hold short-term loudness at the maximum.</summary>
    public int LoudnessReductions { get; internal set; }

    /// <summary>Times the governor reduced gain because loudness rose faster than the slew rule allows.</summary>
    public int SlewLimitations { get; internal set; }

    /// <summary>Times the governor reduced gain to keep momentary within 6 LU of short-term (hyperacusis).</summary>
    public int MomentaryLimitations { get; internal set; }

    /// <summary>NaN or ±∞ samples replaced by silence.</summary>
    public long NonFiniteReplaced { get; internal set; }

    /// <summary>Largest true peak of the output, dBTP (4× interpolation, 16 taps per phase).</summary>
    public double MaxTruePeakDbtp => Decibels.FromGain(MaxTruePeakLinear);

    internal double MaxTruePeakLinear { get; set; }

    /// <summary>Largest short-term loudness of the output, LUFS.</summary>
    public double MaxShortTermLufs { get; internal set; } = double.NegativeInfinity;
}
