using System.Globalization;

namespace Attune.Engine.Sensing;

/// <summary>
/// Breathing rate from respiratory sinus arrhythmia: the frequency of the highest local peak of the NN spectrum
/// in 0.1–0.5 Hz (6–30 breaths/min), refined by a parabola through the peak bin and its neighbours (clamped to
/// the band). Reported only for ≥ 60 s of data, with the spectrum averaged over ≥ 6 Welch segments (NnSpectrum),
/// and a clear peak: peak PSD ≥ 3 × the median PSD of the band. Measured on white-noise RR (20 ms SD, 200 series per
/// length, 62–600 s) this reports a rate for 0–5 % of series; a 2× rule or fewer segments reported far more often.
/// At resonance breathing (≈ 6/min) RSA and the baroreflex share 0.1 Hz, so a strong Mayer-wave peak reads as
/// 6/min; that is the rate breathing pacing aims for anyway.
/// </summary>
public static class RespirationEstimator
{
    public const double LowHz = 0.1, HighHz = 0.5, MinSeconds = 60, MinPeakToMedian = 3;

    /// <summary>Welch segments averaged at least: one or two raw periodograms show noise peaks ≥ 3× the median far too often.</summary>
    public const int MinSegments = 6;

    /// <summary>Breaths per minute, or null with <paramref name="note"/> saying why.</summary>
    public static double? Estimate(IReadOnlyList<double> nnMs, out string? note)
    {
        ArgumentNullException.ThrowIfNull(nnMs);
        double duration = 0;
        foreach (double v in nnMs) duration += v / 1000;
        return FromTachogram(duration >= MinSeconds ? NnSpectrum.Tachogram(nnMs) : [], duration, out note);
    }

    internal static double? FromTachogram(float[] tachogram, double durationSeconds, out string? note)
    {
        var spectrum = durationSeconds >= MinSeconds ? NnSpectrum.Compute(tachogram, MinSegments) : null;
        if (spectrum is null)
        {
            note = string.Create(CultureInfo.InvariantCulture, $"needs ≥ {MinSeconds:0} s of RR data, got {durationSeconds:0.#} s");
            return null;
        }
        double[] psd = spectrum.Psd;
        // The bin just below 0.1 Hz is searched too, so a 6/min peak falling between bins is not cut in half.
        int lo = Math.Max(1, (int)Math.Floor(LowHz / spectrum.BinHz)), hi = Math.Min(psd.Length - 2, (int)Math.Floor(HighHz / spectrum.BinHz));
        var band = new double[hi - lo + 1];
        int peak = -1;
        for (int k = lo; k <= hi; k++)
        {
            band[k - lo] = psd[k];
            bool localMax = psd[k] >= psd[k - 1] && psd[k] >= psd[k + 1];
            if (localMax && (peak < 0 || psd[k] > psd[peak])) peak = k;
        }
        Array.Sort(band);
        double median = band.Length % 2 == 1 ? band[band.Length / 2] : 0.5 * (band[band.Length / 2 - 1] + band[band.Length / 2]);
        if (peak < 0 || !(psd[peak] >= MinPeakToMedian * median) || psd[peak] <= 0)
        {
            double ratio = peak >= 0 && median > 0 ? psd[peak] / median : 0;
            note = string.Create(CultureInfo.InvariantCulture, $"no clear breathing peak in {LowHz}–{HighHz} Hz (peak/median {ratio:0.0}, needs ≥ {MinPeakToMedian})");
            return null;
        }
        double y0 = psd[peak - 1], y1 = psd[peak], y2 = psd[peak + 1];
        double denom = y0 - 2 * y1 + y2;
        double offset = denom < 0 ? 0.5 * (y0 - y2) / denom : 0;
        note = null;
        double hz = (peak + Math.Clamp(offset, -0.5, 0.5)) * spectrum.BinHz;
        return Math.Clamp(hz, LowHz, HighHz) * 60;
    }
}
