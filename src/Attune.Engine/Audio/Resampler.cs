namespace Attune.Engine.Audio;

/// <summary>
/// Band-limited sample-rate conversion by windowed sinc (Kaiser window, β = 11, ≈ 110 dB stopband, 48 zero
/// crossings per side). The cutoff sits at 0.95 × the lower Nyquist frequency, so downsampling is anti-aliased
/// and upsampling anti-imaged. Common ratios (44.1k→48k has 160 phases) use one exact filter per phase;
/// other ratios use a finely tabulated kernel with linear interpolation between phases.
/// Offline (whole buffers): used when decoding files, never on the render path.
/// </summary>
public sealed class Resampler
{
    /// <summary>Zero crossings of the sinc on each side of the centre tap.</summary>
    public const int ZeroCrossings = 48;

    private const int TablePhasesPerSample = 1024;
    private const int MaxExactPhases = 1024;
    private const double KaiserBeta = 11.0; // Kaiser & Schafer (1980): β = 0.1102·(A − 8.7) for A ≈ 108 dB
    private const double CutoffFraction = 0.95;

    private readonly int _inRate;
    private readonly int _outRate;
    private readonly double _fc;
    private readonly double _halfLength;
    private readonly double _i0Beta;
    private readonly int _halfTaps;
    private readonly int _taps;
    private readonly double[]? _phaseFilters;
    private readonly double[]? _table;

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
        _fc = CutoffFraction * 0.5 * Math.Min(1.0, (double)outputSampleRate / inputSampleRate);
        _halfLength = ZeroCrossings / (2 * _fc);
        _i0Beta = BesselI0(KaiserBeta);
        _halfTaps = (int)Math.Ceiling(_halfLength);
        _taps = 2 * _halfTaps + 1;
        if (_outRate <= MaxExactPhases)
        {
            _phaseFilters = new double[_outRate * _taps];
            for (int p = 0; p < _outRate; p++)
            {
                double frac = (double)p / _outRate;
                for (int t = 0; t < _taps; t++)
                    _phaseFilters[p * _taps + t] = Kernel(_halfTaps - t + frac);
            }
        }
        else
        {
            _table = new double[(_halfTaps + 2) * TablePhasesPerSample];
            for (int m = 0; m < _table.Length; m++)
                _table[m] = Kernel((double)m / TablePhasesPerSample);
        }
    }

    /// <summary>Output frames produced for <paramref name="inputFrames"/> input frames (rounded to nearest).</summary>
    public long OutputLength(long inputFrames) => (inputFrames * _outRate + _inRate / 2) / _inRate;

    /// <summary>Resamples one channel; samples outside the input are taken as silence. Equal rates copy exactly.</summary>
    public float[] Process(ReadOnlySpan<float> input)
    {
        if (_inRate == _outRate)
            return input.ToArray(); // equal rates: exact copy, no band-limiting
        long length = OutputLength(input.Length);
        if (length > int.MaxValue)
            throw new ArgumentException($"resampled length {length} exceeds {int.MaxValue}", nameof(input));
        var output = new float[length];
        Span<double> coefficients = new double[_taps];
        for (long j = 0; j < output.Length; j++)
        {
            // Exact rational position j·in/out: integer sample i and phase p/out.
            long num = j * _inRate;
            int i = (int)(num / _outRate);
            int phase = (int)(num % _outRate);
            ReadOnlySpan<double> h = _phaseFilters is null
                ? Interpolate(coefficients, (double)phase / _outRate)
                : _phaseFilters.AsSpan(phase * _taps, _taps);
            output[j] = (float)Dot(input, i - _halfTaps, h);
        }
        return output;
    }

    /// <summary>Taps for first = i − halfTaps … i + halfTaps sit at distances halfTaps − t + frac.</summary>
    private ReadOnlySpan<double> Interpolate(Span<double> h, double frac)
    {
        for (int t = 0; t < _taps; t++)
        {
            double pos = Math.Abs(_halfTaps - t + frac) * TablePhasesPerSample;
            int m = (int)pos;
            double a = pos - m;
            h[t] = _table![m] + a * (_table[m + 1] - _table[m]);
        }
        return h;
    }

    private static double Dot(ReadOnlySpan<float> x, int first, ReadOnlySpan<double> h)
    {
        int start = Math.Max(0, -first);
        int end = Math.Min(h.Length, x.Length - first);
        double sum = 0;
        for (int t = start; t < end; t++)
            sum += x[first + t] * h[t];
        return sum;
    }

    private double Kernel(double d)
    {
        double ad = Math.Abs(d);
        if (ad >= _halfLength)
            return 0;
        double x = 2 * _fc * ad;
        double sinc = x == 0 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
        double r = ad / _halfLength;
        return 2 * _fc * sinc * BesselI0(KaiserBeta * Math.Sqrt(1 - r * r)) / _i0Beta;
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
