namespace Attune.Engine.Analysis;

/// <summary>
/// Welch's averaged periodogram: Hann-windowed segments of <c>segmentLength</c> with 50 % overlap,
/// one-sided power spectral density (units²/Hz), bin k at k·fs/segmentLength.
/// </summary>
public static class Welch
{
    public static double[] PowerSpectralDensity(ReadOnlySpan<float> signal, double sampleRate, int segmentLength = 8192)
    {
        if (signal.Length < segmentLength)
            throw new ArgumentException($"signal ({signal.Length} samples) is shorter than one segment ({segmentLength})", nameof(signal));
        int hop = segmentLength / 2;
        var window = new double[segmentLength];
        double windowPower = 0;
        for (int i = 0; i < segmentLength; i++)
        {
            window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / segmentLength);
            windowPower += window[i] * window[i];
        }
        var psd = new double[segmentLength / 2 + 1];
        var re = new double[segmentLength];
        var im = new double[segmentLength];
        int segments = 0;
        for (int start = 0; start + segmentLength <= signal.Length; start += hop)
        {
            for (int i = 0; i < segmentLength; i++)
            {
                re[i] = signal[start + i] * window[i];
                im[i] = 0;
            }
            Fft.Forward(re, im);
            for (int k = 0; k < psd.Length; k++) psd[k] += re[k] * re[k] + im[k] * im[k];
            segments++;
        }
        double scale = 1.0 / (sampleRate * windowPower * segments);
        for (int k = 0; k < psd.Length; k++)
        {
            psd[k] *= scale;
            if (k > 0 && k < psd.Length - 1) psd[k] *= 2; // one-sided
        }
        return psd;
    }

    /// <summary>Mean PSD over [lowHz, highHz], in the units of <paramref name="psd"/>.</summary>
    public static double BandMean(ReadOnlySpan<double> psd, double sampleRate, double lowHz, double highHz)
    {
        int n = (psd.Length - 1) * 2;
        double binHz = sampleRate / n;
        int lo = Math.Max(0, (int)Math.Ceiling(lowHz / binHz));
        int hi = Math.Min(psd.Length - 1, (int)Math.Floor(highHz / binHz));
        if (hi < lo) throw new ArgumentException($"band {lowHz}–{highHz} Hz holds no bin at {binHz:F2} Hz resolution");
        double sum = 0;
        for (int k = lo; k <= hi; k++) sum += psd[k];
        return sum / (hi - lo + 1);
    }

    /// <summary>Power in [lowHz, highHz] (sum of PSD × bin width).</summary>
    public static double BandPower(ReadOnlySpan<double> psd, double sampleRate, double lowHz, double highHz)
    {
        int n = (psd.Length - 1) * 2;
        double binHz = sampleRate / n;
        int lo = Math.Max(0, (int)Math.Ceiling(lowHz / binHz));
        int hi = Math.Min(psd.Length - 1, (int)Math.Floor(highHz / binHz));
        double sum = 0;
        for (int k = lo; k <= hi; k++) sum += psd[k];
        return sum * binHz;
    }
}
