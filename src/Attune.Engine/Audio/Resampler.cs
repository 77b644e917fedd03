namespace Attune.Engine.Audio;

/// <summary>
/// Band-limited sample-rate conversion by windowed sinc (Kaiser window, β = 11, ≈ 110 dB stopband),
/// tabulated in a polyphase table and linearly interpolated between phases. The cutoff sits at
/// 0.95 × the lower Nyquist frequency, so downsampling is anti-aliased and upsampling anti-imaged.
/// Offline (whole buffers): used when decoding files, never on the render path.
/// </summary>
public sealed class Resampler
{
    /// <summary>Zero crossings of the sinc on each side of the centre tap.</summary>
    public const int ZeroCrossings = 48;

    private const int PhasesPerSample = 1024;
    private const double KaiserBeta = 11.0; // Kaiser & Schafer (1980): β = 0.1102·(A − 8.7) for A ≈ 108 dB
    private const double CutoffFraction = 0.95;

    private readonly int _inRate;
    private readonly int _outRate;
    private readonly int _halfTaps;
    private readonly double[] _table;

    public Resampler(int inputSampleRate, int outputSampleRate)
    {
        if (inputSampleRate is < 1000 or > 768_000)
            throw new ArgumentOutOfRangeException(nameof(inputSampleRate), inputSampleRate, "inputSampleRate must be within 1000..768000 Hz");
        if (outputSampleRate is < 1000 or > 768_000)
            throw new ArgumentOutOfRangeException(nameof(outputSampleRate), outputSampleRate, "outputSampleRate must be within 1000..768000 Hz");
        int gcd = Gcd(inputSampleRate, outputSampleRate);
        _inRate = inputSampleRate / gcd;
        _outRate = outputSampleRate / gcd;

        // Cutoff in cycles per input sample; the kernel spans ZeroCrossings lobes of sinc(2·fc·d) per side.
        double fc = CutoffFraction * 0.5 * Math.Min(1.0, (double)outputSampleRate / inputSampleRate);
        double halfLength = ZeroCrossings / (2 * fc);
        _halfTaps = (int)Math.Ceiling(halfLength);
        _table = new double[(_halfTaps + 1) * PhasesPerSample + 2];
        double i0Beta = BesselI0(KaiserBeta);
        for (int m = 0; m < _table.Length; m++)
        {
            double d = (double)m / PhasesPerSample;
            if (d >= halfLength)
                continue;
            double x = 2 * fc * d;
            double sinc = x == 0 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
            double r = d / halfLength;
            double window = BesselI0(KaiserBeta * Math.Sqrt(1 - r * r)) / i0Beta;
            _table[m] = 2 * fc * sinc * window;
        }
    }

    /// <summary>Output frames produced for <paramref name="inputFrames"/> input frames (rounded to nearest).</summary>
    public long OutputLength(long inputFrames) => (inputFrames * _outRate + _inRate / 2) / _inRate;

    /// <summary>Resamples one channel; samples outside the input are taken as silence.</summary>
    public float[] Process(ReadOnlySpan<float> input)
    {
        long length = OutputLength(input.Length);
        if (length > int.MaxValue)
            throw new ArgumentException($"resampled length {length} exceeds {int.MaxValue}", nameof(input));
        var output = new float[length];
        for (long j = 0; j < output.Length; j++)
        {
            // Exact rational position j·in/out: integer sample and fractional phase.
            long num = j * _inRate;
            long i = num / _outRate;
            double frac = (double)(num % _outRate) / _outRate;
            output[j] = (float)Convolve(input, (int)i, frac);
        }
        return output;
    }

    private double Convolve(ReadOnlySpan<float> x, int i, double frac)
    {
        double sum = 0;
        // Taps at or before the position: distance n + frac.
        double pos = frac * PhasesPerSample;
        int p0 = (int)pos;
        double a = pos - p0;
        int first = Math.Max(0, i - _halfTaps);
        for (int k = Math.Min(i, x.Length - 1); k >= first; k--)
        {
            int idx = (i - k) * PhasesPerSample + p0;
            sum += x[k] * (_table[idx] + a * (_table[idx + 1] - _table[idx]));
        }
        // Taps after the position: distance (n − 1) + (1 − frac).
        pos = (1 - frac) * PhasesPerSample;
        p0 = (int)pos;
        a = pos - p0;
        int last = Math.Min(x.Length - 1, i + _halfTaps);
        for (int k = Math.Max(i + 1, 0); k <= last; k++)
        {
            int idx = (k - i - 1) * PhasesPerSample + p0;
            sum += x[k] * (_table[idx] + a * (_table[idx + 1] - _table[idx]));
        }
        return sum;
    }

    private static double BesselI0(double x)
    {
        // Power series of the modified Bessel function of the first kind, order 0.
        double sum = 1, term = 1, half = x / 2;
        for (int k = 1; k < 64; k++)
        {
            term *= half / k;
            double t2 = term * term;
            sum += t2;
            if (t2 < sum * 1e-17) break;
        }
        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
