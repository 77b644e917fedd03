namespace Attune.Engine.Fitting;

/// <summary>
/// Loudness balance across frequency from the ISO 226:2003 equal-loudness contour at 40 phon: the gain in dB that
/// makes a pure tone at f Hz about as loud as a 1 kHz tone at the same nominal level (0 dB at 1 kHz, about
/// +10 dB at 250 Hz, about −4 dB near 3–4 kHz). The contour is computed with the standard's formula (clause 4.1)
/// from its tabulated parameters at the ⅓-octave frequencies 250…12 500 Hz and interpolated linearly in
/// log-frequency between them; above 12.5 kHz, outside the standard's table, the 12.5 kHz value is held (flat),
/// which under-boosts rather than over-boosts. The contour is a population average of young otologically normal
/// listeners in a free frontal field: headphones, ears and hearing loss all differ, so it only sets a sensible
/// starting balance; the listener's own judgement and the Safety stage decide what is played.
/// </summary>
public static class EqualLoudness
{
    public const double MinHz = TherapyProfile.MinTinnitusHz, MaxHz = TherapyProfile.MaxTinnitusHz;
    public const double Phon = 40;

    // ISO 226:2003 Table 1 (250 Hz–12.5 kHz): frequency, exponent αf, magnitude of the linear transfer function Lu (dB),
    // threshold of hearing Tf (dB SPL).
    private static readonly double[] Frequencies = [250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500];
    private static readonly double[] Alpha = [0.301, 0.288, 0.276, 0.267, 0.259, 0.253, 0.250, 0.246, 0.244, 0.243, 0.243, 0.243, 0.242, 0.242, 0.245, 0.254, 0.271, 0.301];
    private static readonly double[] Lu = [-2.0, -1.1, -0.4, 0.0, 0.3, 0.5, 0.0, -2.7, -4.1, -1.0, 1.7, 2.5, 1.2, -2.1, -7.1, -11.2, -10.7, -3.1];
    private static readonly double[] Tf = [11.4, 8.6, 6.2, 4.4, 3.0, 2.2, 2.4, 3.5, 1.7, -1.3, -4.2, -6.0, -5.4, -1.5, 6.0, 12.6, 13.9, 12.3];

    private static readonly double[] GainsDb = ComputeGains();

    /// <summary>The tabulated frequencies (Hz) the contour is computed at.</summary>
    public static ReadOnlySpan<double> TableFrequencies => Frequencies;

    /// <summary>Sound pressure level (dB SPL) of a tone at table index <paramref name="index"/> on the <paramref name="phon"/> contour (ISO 226:2003 eq. 1).</summary>
    public static double ContourSpl(int index, double phon)
    {
        if ((uint)index >= (uint)Frequencies.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be within 0–{Frequencies.Length - 1}");
        // The standard covers 20–90 phon up to 4 kHz but only 20–80 phon at 5–12.5 kHz: accept the range valid everywhere.
        if (double.IsNaN(phon) || phon < 20 || phon > 80)
            throw new ArgumentOutOfRangeException(nameof(phon), phon, "phon must be within 20–80 phon");
        double a = Alpha[index], lu = Lu[index], tf = Tf[index];
        double af = 4.47e-3 * (Math.Pow(10, 0.025 * phon) - 1.15) + Math.Pow(0.4 * Math.Pow(10, (tf + lu) / 10 - 9), a);
        return 10 / a * Math.Log10(af) - lu + 94;
    }

    /// <summary>Gain (dB) that makes a tone at <paramref name="hz"/> about as loud as 1 kHz at the same nominal level, at 40 phon.</summary>
    /// <param name="hz">Tone frequency, 250–16 000 Hz.</param>
    public static double GainDb(double hz)
    {
        if (double.IsNaN(hz) || hz < MinHz || hz > MaxHz)
            throw new ArgumentOutOfRangeException(nameof(hz), hz, $"hz must be within {MinHz}–{MaxHz} Hz");
        if (hz >= Frequencies[^1]) return GainsDb[^1];
        int i = 0;
        while (hz > Frequencies[i + 1]) i++;
        double t = Math.Log2(hz / Frequencies[i]) / Math.Log2(Frequencies[i + 1] / Frequencies[i]);
        return GainsDb[i] + t * (GainsDb[i + 1] - GainsDb[i]);
    }

    private static double[] ComputeGains()
    {
        int reference = Array.IndexOf(Frequencies, 1000.0);
        double at1k = ContourSpl(reference, Phon);
        var gains = new double[Frequencies.Length];
        for (int i = 0; i < gains.Length; i++) gains[i] = ContourSpl(i, Phon) - at1k;
        return gains;
    }
}
