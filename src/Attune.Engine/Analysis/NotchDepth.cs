namespace Attune.Engine.Analysis;

/// <summary>
/// How deep a notch is in a rendered signal, measured from spectra rather than assumed from the
/// filter design. Depth (dB) = drop of the stop-band share between a reference spectrum (before the
/// notch) and the output spectrum, where the share is the mean PSD over the stop band
/// fT·2^(±0.4W) divided by the mean PSD over the two flanking one-octave bands beyond fT·2^(±0.6W).
/// Normalising by the flanks cancels any broadband gain applied after the notch (volume, Safety).
/// </summary>
public static class NotchDepth
{
    public static double MeasureDb(ReadOnlySpan<double> referencePsd, ReadOnlySpan<double> outputPsd, double sampleRate, double centreHz, double octaves)
    {
        if (referencePsd.Length != outputPsd.Length)
            throw new ArgumentException("spectra must have the same resolution", nameof(outputPsd));
        double refShare = StopBandShare(referencePsd, sampleRate, centreHz, octaves);
        double outShare = StopBandShare(outputPsd, sampleRate, centreHz, octaves);
        return 10 * Math.Log10(refShare / Math.Max(outShare, 1e-300));
    }

    private static double StopBandShare(ReadOnlySpan<double> psd, double sampleRate, double fT, double w)
    {
        double nyquistGuard = Math.Min(20_000, sampleRate / 2 * 0.95);
        double stop = Welch.BandMean(psd, sampleRate, fT * Math.Pow(2, -0.4 * w), fT * Math.Pow(2, 0.4 * w));
        double lowHi = fT * Math.Pow(2, -0.6 * w);
        double highLo = fT * Math.Pow(2, 0.6 * w);
        double flanks = Welch.BandMean(psd, sampleRate, lowHi / 2, lowHi);
        int count = 1;
        if (highLo < nyquistGuard)
        {
            flanks += Welch.BandMean(psd, sampleRate, highLo, Math.Min(highLo * 2, nyquistGuard));
            count++;
        }
        return stop / Math.Max(flanks / count, 1e-300);
    }
}
