using System.Numerics;
using System.Runtime.Intrinsics;

namespace Attune.Engine.Therapy;

/// <summary>
/// Band-stop at the tinnitus frequency for tailor-made notched music training (Okamoto et al. 2010,
/// PNAS 107(3):1207: a one-octave band centred on fT on a log scale; widths 1, ½, ¼ octave compared by
/// Wunderlich 2015). Guarantees ≥ 40 dB attenuation over fT·2^(±0.4W) and ±1 dB outside fT·2^(±0.6W)
/// (the upper flat band only where it lies below ~0.49·fs). Elliptic prototype → band-stop with
/// prewarped edges → bilinear transform → second-order sections. fT is fixed for the filter's life:
/// build a new one per profile.
/// </summary>
public sealed class NotchFilter : IAudioProcessor
{
    // Design targets hold margin over the guarantee: 0.5 dB ripple (≤ 1 dB), 50 dB stop (≥ 40 dB).
    private const double DesignRippleDb = 0.5, DesignStopDb = 50;
    private const double StopHalfWidth = 0.4, PassHalfWidth = 0.6;
    // An upper passband edge above this fraction of fs is clamped to it (only for fT near 16 kHz with wide notches).
    private const double MaxEdgeFraction = 0.49;

    private readonly StereoBiquad[] _sections; // padded with unity sections to a multiple of three
    private readonly Vector128<double>[] _buffer = new Vector128<double>[AudioFormat.BlockSize];

    /// <summary>Throws unless fT is 250–16,000 Hz and W is ¼–1 octave (messages name the parameter and range).</summary>
    internal static void ValidateBand(double centreHz, double octaves)
    {
        if (double.IsNaN(centreHz) || centreHz < TherapyProfile.MinTinnitusHz || centreHz > TherapyProfile.MaxTinnitusHz)
            throw new ArgumentOutOfRangeException(nameof(centreHz), centreHz,
                $"centreHz must be within {TherapyProfile.MinTinnitusHz}–{TherapyProfile.MaxTinnitusHz} Hz");
        if (double.IsNaN(octaves) || octaves < TherapyProfile.MinNotchOctaves || octaves > TherapyProfile.MaxNotchOctaves)
            throw new ArgumentOutOfRangeException(nameof(octaves), octaves,
                $"octaves must be within {TherapyProfile.MinNotchOctaves}–{TherapyProfile.MaxNotchOctaves} octaves");
    }

    public NotchFilter(double centreHz, double octaves)
    {
        ValidateBand(centreHz, octaves);
        CentreHz = centreHz;
        Octaves = octaves;
        StereoBiquad[] designed = Design(centreHz, octaves, AudioFormat.SampleRate);
        SectionCount = designed.Length;
        _sections = new StereoBiquad[(designed.Length + 2) / 3 * 3];
        designed.CopyTo(_sections, 0);
        for (int i = designed.Length; i < _sections.Length; i++) _sections[i] = new StereoBiquad(1, 0, 0, 0, 0);
    }

    public double CentreHz { get; }
    public double Octaves { get; }
    public int SectionCount { get; }

    /// <summary>The notch for a profile, or null when no tinnitus frequency is set.</summary>
    public static NotchFilter? ForProfile(TherapyProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.TinnitusHz is double f ? new NotchFilter(f, p.NotchOctaves) : null;
    }

    /// <summary>Gain in dB at <paramref name="hz"/> computed from the section coefficients.</summary>
    public double MagnitudeDb(double hz)
    {
        double omega = 2 * Math.PI * hz / AudioFormat.SampleRate;
        double db = 0;
        foreach (ref readonly StereoBiquad s in _sections.AsSpan())
            db += Decibels.FromGain(s.Response(omega).Magnitude);
        return db;
    }

    /// <summary>Clears the filter state (e.g. between unrelated renders).</summary>
    public void Reset()
    {
        for (int i = 0; i < _sections.Length; i++)
        {
            _sections[i].Z1 = Vector128<double>.Zero;
            _sections[i].Z2 = Vector128<double>.Zero;
        }
    }

    public void Process(Span<float> left, Span<float> right)
    {
        if (right.Length < left.Length)
            throw new ArgumentException($"right ({right.Length}) is shorter than left ({left.Length})", nameof(right));
        for (int start = 0; start < left.Length; start += _buffer.Length)
        {
            int n = Math.Min(_buffer.Length, left.Length - start);
            Span<float> l = left.Slice(start, n), r = right.Slice(start, n);
            Span<Vector128<double>> buffer = _buffer.AsSpan(0, n);
            for (int i = 0; i < buffer.Length; i++) buffer[i] = Vector128.Create((double)l[i], r[i]);
            for (int s = 0; s < _sections.Length; s += 3) RunTriple(ref _sections[s], ref _sections[s + 1], ref _sections[s + 2], buffer);
            for (int i = 0; i < buffer.Length; i++)
            {
                l[i] = (float)buffer[i].GetElement(0);
                r[i] = (float)buffer[i].GetElement(1);
            }
        }
    }

    /// <summary>Three cascaded sections per pass with state in registers, so their recursions overlap in the pipeline.</summary>
    private static void RunTriple(ref StereoBiquad p, ref StereoBiquad q, ref StereoBiquad r, Span<Vector128<double>> buffer)
    {
        Vector128<double> p1 = p.Z1, p2 = p.Z2, q1 = q.Z1, q2 = q.Z2, r1 = r.Z1, r2 = r.Z2;
        for (int i = 0; i < buffer.Length; i++)
        {
            Vector128<double> x = buffer[i];
            Vector128<double> y = p.VB0 * x + p1;
            p1 = p.VB1 * x - p.VA1 * y + p2;
            p2 = p.VB2 * x - p.VA2 * y;
            Vector128<double> u = q.VB0 * y + q1;
            q1 = q.VB1 * y - q.VA1 * u + q2;
            q2 = q.VB2 * y - q.VA2 * u;
            Vector128<double> o = r.VB0 * u + r1;
            r1 = r.VB1 * u - r.VA1 * o + r2;
            r2 = r.VB2 * u - r.VA2 * o;
            buffer[i] = o;
        }
        p.Z1 = Flush(p1); p.Z2 = Flush(p2); q.Z1 = Flush(q1); q.Z2 = Flush(q2); r.Z1 = Flush(r1); r.Z2 = Flush(r2);
    }

    /// <summary>Zeroes decayed state: after minutes of silence it would otherwise sink into slow denormals.</summary>
    private static Vector128<double> Flush(Vector128<double> z) =>
        Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(z), Vector128.Create(1e-30)), Vector128<double>.Zero, z);

    private static StereoBiquad[] Design(double centreHz, double octaves, double sampleRate)
    {
        double maxEdge = MaxEdgeFraction * sampleRate;
        // Prewarp every edge (bilinear with c = 1: Ω = tan(π f / fs)).
        double w1 = Warp(centreHz * Math.Pow(2, -PassHalfWidth * octaves), sampleRate);
        double w2 = Warp(Math.Min(centreHz * Math.Pow(2, PassHalfWidth * octaves), maxEdge), sampleRate);
        double wa = Warp(centreHz * Math.Pow(2, -StopHalfWidth * octaves), sampleRate);
        double wb = Warp(Math.Min(centreHz * Math.Pow(2, StopHalfWidth * octaves), maxEdge), sampleRate);
        double w0Squared = w1 * w2, bandwidth = w2 - w1;
        // The band-stop map s → B·s/(s² + ω0²) sends ω to B·ω/|ω0² − ω²|, which rises towards ω0 and falls
        // beyond it, so over the stop band it is least at an edge. Near Nyquist prewarping can put ω0 above
        // the upper stop edge, hence the absolute value.
        double stopEdge = Math.Min(bandwidth * wa / Math.Abs(w0Squared - wa * wa), bandwidth * wb / Math.Abs(wb * wb - w0Squared));
        int order = EllipticPrototype.MinimumEvenOrder(DesignRippleDb, DesignStopDb, stopEdge);
        (Complex[] protoZeros, Complex[] protoPoles) = EllipticPrototype.Design(order, DesignRippleDb, DesignStopDb);

        var zeros = new List<Complex>(order);
        var poles = new List<Complex>(order);
        foreach (Complex z in protoZeros) AddBandStopRoots(z, bandwidth, w0Squared, zeros);
        foreach (Complex p in protoPoles) AddBandStopRoots(p, bandwidth, w0Squared, poles);

        // Pair each pole (closest to the unit circle first) with its nearest remaining zero.
        poles.Sort((a, b) => b.Magnitude.CompareTo(a.Magnitude));
        var sections = new StereoBiquad[order];
        for (int i = 0; i < poles.Count; i++)
        {
            Complex p = poles[i];
            int best = 0;
            for (int j = 1; j < zeros.Count; j++)
                if ((zeros[j] - p).Magnitude < (zeros[best] - p).Magnitude) best = j;
            Complex z = zeros[best];
            zeros.RemoveAt(best);
            double b1 = -2 * z.Real, b2 = z.Real * z.Real + z.Imaginary * z.Imaginary;
            double a1 = -2 * p.Real, a2 = p.Real * p.Real + p.Imaginary * p.Imaginary;
            // Unity gain at DC per section; the even-order prototype's DC gain is −ripple.
            double g = (1 + a1 + a2) / (1 + b1 + b2);
            if (i == 0) g *= Decibels.ToGain(-DesignRippleDb);
            sections[i] = new StereoBiquad(g, g * b1, g * b2, a1, a2);
        }
        return sections;
    }

    private static double Warp(double hz, double sampleRate) => Math.Tan(Math.PI * hz / sampleRate);

    /// <summary>Maps one upper-half prototype root r to its two band-stop roots (upper half), then to z by the bilinear transform.</summary>
    private static void AddBandStopRoots(Complex r, double bandwidth, double w0Squared, List<Complex> into)
    {
        // r·(s² + ω0²) = B·s  ⇒  s² − (B/r)·s + ω0² = 0.
        Complex half = bandwidth / r / 2;
        Complex root = Complex.Sqrt(half * half - w0Squared);
        foreach (Complex s in (ReadOnlySpan<Complex>)[half + root, half - root])
        {
            Complex upper = s.Imaginary >= 0 ? s : Complex.Conjugate(s);
            into.Add((1 + upper) / (1 - upper));
        }
    }
}
