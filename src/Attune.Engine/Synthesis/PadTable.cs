using Attune.Engine.Analysis;

namespace Attune.Engine.Synthesis;

/// <summary>
/// The warm-pad wavetable, built once per process with Nasca's PADsynth algorithm
/// (P. Nasca, "PADsynth algorithm", ZynAddSubFX docs): harmonics of a base frequency, each spread
/// into a Gaussian band whose width grows with the harmonic number, given random phases and
/// turned into a seamless loop by one inverse FFT. A fixed internal seed keeps the timbre identical
/// in every synthesizer, so the table can be shared.
/// </summary>
internal static class PadTable
{
    public const int Bits = 17;
    public const int Length = 1 << Bits;
    /// <summary>Phase accumulator: 2^32 units span the table, so 2^15 units per sample.</summary>
    public const int FracBits = 32 - Bits;
    public const double BaseFrequency = 261.6255653005986; // C4
    private const int Harmonics = 32; // up to 8.4 kHz at C4: no aliasing when played up to C5
    private const double BandwidthCents = 28;

    private static readonly Lazy<float[]> s_table = new(Build);

    /// <summary>Length + 1 samples (guard point equals the first).</summary>
    public static float[] Table => s_table.Value;

    private static float[] Build()
    {
        int half = Length / 2;
        var amplitude = new double[half];
        double binHz = (double)AudioFormat.SampleRate / Length;
        for (int h = 1; h <= Harmonics; h++)
        {
            double fh = BaseFrequency * h;
            if (fh > AudioFormat.SampleRate * 0.45) break;
            // Warm, slightly hollow spectrum: amplitude roll-off ~1/h^0.8, even harmonics a little softer.
            double weight = Math.Pow(h, -0.8) * (h % 2 == 0 ? 0.7 : 1.0);
            double bwHz = (Math.Pow(2, BandwidthCents / 1200) - 1) * BaseFrequency * Math.Pow(h, 0.9);
            int lo = Math.Max(1, (int)((fh - 4 * bwHz) / binHz));
            int hi = Math.Min(half - 1, (int)((fh + 4 * bwHz) / binHz) + 1);
            for (int k = lo; k <= hi; k++)
            {
                double x = (k * binHz - fh) / bwHz;
                // Divided by √bandwidth so each harmonic's energy follows weight², however wide its band.
                amplitude[k] += weight * Math.Exp(-x * x) / Math.Sqrt(bwHz);
            }
        }

        var random = new SeededRandom(0x5ADF00D);
        var re = new double[Length];
        var im = new double[Length];
        for (int k = 1; k < half; k++)
        {
            double phase = random.NextDouble() * 2 * Math.PI;
            re[k] = amplitude[k] * Math.Cos(phase);
            im[k] = amplitude[k] * Math.Sin(phase);
            // Hermitian mirror so the inverse transform is real.
            re[Length - k] = re[k];
            im[Length - k] = -im[k];
        }
        // Inverse FFT by conjugation: ifft(X) = conj(fft(conj(X))) / N; only the real part is kept.
        for (int k = 0; k < Length; k++) im[k] = -im[k];
        Fft.Forward(re, im);

        double peak = 0;
        for (int i = 0; i < Length; i++) peak = Math.Max(peak, Math.Abs(re[i]));
        var table = new float[Length + 1];
        for (int i = 0; i < Length; i++) table[i] = (float)(re[i] / peak);
        table[Length] = table[0];
        return table;
    }
}
