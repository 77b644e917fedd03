using Attune.Engine.Analysis;

namespace Attune.Engine.Therapy;

/// <summary>
/// How much of a track's energy lies in the notch band fT·2^(±W/2): a track with little energy near
/// fT gains little from notching (Tinnitracks rates tracks for suitability, THERAPY.md). Analysis only.
/// </summary>
public static class NotchBandEnergy
{
    private const double LowHz = 20, HighHz = 20_000;
    private const int MaxSegment = 8192;

    /// <summary>Energy in fT·2^(±W/2) divided by energy in 20 Hz–20 kHz (both clipped at Nyquist), from a Welch PSD; 0 for silence.</summary>
    public static double Share(ReadOnlySpan<float> mono, double sampleRate, double centreHz, double octaves)
    {
        if (double.IsNaN(sampleRate) || sampleRate < 8000 || sampleRate > 384_000)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sampleRate must be within 8000–384000 Hz");
        NotchFilter.ValidateBand(centreHz, octaves);
        // Finest resolution the signal allows, up to 8192 (5.9 Hz at 48 kHz), so the ¼-octave band at 250 Hz holds several bins.
        int segment = 1024;
        if (mono.Length < segment)
            throw new ArgumentException($"mono holds {mono.Length} samples; at least {segment} are needed", nameof(mono));
        while (segment < MaxSegment && segment * 4 <= mono.Length) segment *= 2;

        double[] psd = Welch.PowerSpectralDensity(mono, sampleRate, segment);
        double nyquist = sampleRate / 2;
        double total = Welch.BandPower(psd, sampleRate, LowHz, Math.Min(HighHz, nyquist));
        if (total <= 0) return 0;
        double lo = centreHz * Math.Pow(2, -octaves / 2), hi = Math.Min(centreHz * Math.Pow(2, octaves / 2), Math.Min(HighHz, nyquist));
        return Math.Min(1, Welch.BandPower(psd, sampleRate, lo, hi) / total);
    }
}
