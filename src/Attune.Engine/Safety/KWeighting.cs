namespace Attune.Engine.Safety;

/// <summary>
/// The K-weighting of ITU-R BS.1770-4 §2.1 for one channel: a high-shelf "head" filter (+4 dB above ~1.7 kHz)
/// followed by the RLB high-pass (~38 Hz). Coefficients are derived for the sample rate from the analogue
/// parameters that reproduce the standard's published 48 kHz tables (Tables 1 and 2).
/// </summary>
internal struct KWeighting
{
    // Analogue parameters behind BS.1770-4 Tables 1–2 (shelf: f0, gain, Q; high-pass: f0, Q).
    private const double ShelfHz = 1681.974450955533, ShelfGainDb = 3.999843853973347, ShelfQ = 0.7071752369554196;
    private const double HighPassHz = 38.13547087602444, HighPassQ = 0.5003270373238773;

    public Biquad Shelf;
    public Biquad HighPass;

    public static KWeighting Create(double fs = AudioFormat.SampleRate)
    {
        var k = new KWeighting();
        double kk = Math.Tan(Math.PI * ShelfHz / fs);
        double vh = Math.Pow(10, ShelfGainDb / 20);
        double vb = Math.Pow(vh, 0.4996667741545416);
        double a0 = 1 + kk / ShelfQ + kk * kk;
        k.Shelf = new Biquad(
            (vh + vb * kk / ShelfQ + kk * kk) / a0,
            2 * (kk * kk - vh) / a0,
            (vh - vb * kk / ShelfQ + kk * kk) / a0,
            2 * (kk * kk - 1) / a0,
            (1 - kk / ShelfQ + kk * kk) / a0);
        kk = Math.Tan(Math.PI * HighPassHz / fs);
        a0 = 1 + kk / HighPassQ + kk * kk;
        // The standard keeps the high-pass numerator at 1, −2, 1 (unnormalised), so its gain is ~1.0 well above 38 Hz.
        k.HighPass = new Biquad(1, -2, 1, 2 * (kk * kk - 1) / a0, (1 - kk / HighPassQ + kk * kk) / a0);
        return k;
    }

    public double Process(double x) => HighPass.Process(Shelf.Process(x));

    public readonly double Magnitude(double hz, double fs = AudioFormat.SampleRate) =>
        Shelf.Magnitude(hz, fs) * HighPass.Magnitude(hz, fs);
}
