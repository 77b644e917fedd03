using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Attune.Engine.Safety;

/// <summary>
/// 4× polyphase interpolator for true-peak measurement (ITU-R BS.1770-4 Annex 2): each new sample yields the
/// largest magnitude among the original sample and three interpolated points in the interval
/// [n − Delay, n − Delay + 1). Kaiser-windowed sinc with its cutoff at the original Nyquist frequency; each
/// phase is normalised to unity gain at DC. One channel, fed in blocks; groups of 8 outputs whose inputs are
/// provably too small to reach the caller's threshold are skipped, so quiet audio costs almost nothing.
/// </summary>
internal sealed class TruePeakInterpolator
{
    public const int Oversampling = 4;
    public const int MaxBlock = AudioFormat.BlockSize;
    private const int Group = 8;
    private const double KaiserBeta = 7.0;

    private readonly double[] _h1, _h2, _h3; // phases 1–3; tap j multiplies x[n − j]
    private readonly double[] _buf;          // time order: taps − 1 samples of history, then the block, then padding
    private readonly double[] _peaks = new double[MaxBlock + Group];
    private readonly int _taps;
    // Largest Σ|h| of a phase, widened past rounding: no interpolated point exceeds the window's max|x| × this.
    private readonly double _gainBound;
    private int _count;

    public TruePeakInterpolator(int tapsPerPhase)
    {
        if (tapsPerPhase < 4 || tapsPerPhase > 256 || tapsPerPhase % 4 != 0)
            throw new ArgumentOutOfRangeException(nameof(tapsPerPhase), tapsPerPhase, "tapsPerPhase must be a multiple of 4 in 4–256");
        _taps = tapsPerPhase;
        Delay = tapsPerPhase / 2;
        _buf = new double[tapsPerPhase + MaxBlock + 2 * Group];
        _h1 = new double[tapsPerPhase];
        _h2 = new double[tapsPerPhase];
        _h3 = new double[tapsPerPhase];
        double halfSpan = tapsPerPhase / 2.0 + 1, bound = 0;
        for (int phase = 0; phase < Oversampling; phase++)
        {
            var h = phase switch { 1 => _h1, 2 => _h2, 3 => _h3, _ => new double[tapsPerPhase] };
            double sum = 0;
            for (int j = 0; j < tapsPerPhase; j++)
            {
                // The point sits at n − Delay + phase/4, so tap j (x[n − j]) is at distance j − Delay + phase/4.
                double u = j - Delay + (double)phase / Oversampling;
                double sinc = u == 0 ? 1 : Math.Sin(Math.PI * u) / (Math.PI * u);
                h[j] = sinc * Kaiser(u / halfSpan);
                sum += h[j];
            }
            double l1 = 0;
            for (int j = 0; j < tapsPerPhase; j++) { h[j] /= sum; l1 += Math.Abs(h[j]); }
            bound = Math.Max(bound, l1);
        }
        _gainBound = bound * (1 + 1e-9);
    }

    /// <summary>Samples between an input and the interval its peak reports on.</summary>
    public int Delay { get; }

    /// <summary>
    /// Per sample of the last <see cref="Process"/> call, the true peak (magnitude) of the interval starting
    /// <see cref="Delay"/> samples back; 0 where the group was skipped (its peak provably ≤ the threshold).
    /// </summary>
    public ReadOnlySpan<double> Peaks => _peaks.AsSpan(0, _count);

    /// <summary>
    /// Feeds up to <see cref="MaxBlock"/> samples. Returns false, leaving <see cref="Peaks"/> unwritten, when no peak
    /// of the block can exceed <paramref name="skipBelow"/>; otherwise fills <see cref="Peaks"/>.
    /// </summary>
    public bool Process(ReadOnlySpan<double> x, double skipBelow)
    {
        int n = x.Length, t = _taps;
        _count = n;
        double[] buf = _buf;
        x.CopyTo(buf.AsSpan(t - 1));
        buf.AsSpan(t - 1 + n, 2 * Group).Clear();
        bool hot = AbsMax(buf, 0, t - 1 + n) * _gainBound > skipBelow;
        if (hot)
        {
            for (int i = 0; i < n; i += Group)
            {
                if (AbsMax(buf, i, t + Group) * _gainBound > skipBelow) Interpolate(i);
                else _peaks.AsSpan(i, Group).Clear();
            }
        }
        buf.AsSpan(n, t - 1).CopyTo(buf);
        return hot;
    }

    /// <summary>Peaks of outputs i … i + 7; each phase's dot product is summed tap by tap in order, 4 outputs a vector.</summary>
    private void Interpolate(int i)
    {
        ref double x = ref MemoryMarshal.GetArrayDataReference(_buf);
        int newest = i + _taps - 1;
        Vector256<double> a1 = default, a2 = default, a3 = default, b1 = default, b2 = default, b3 = default;
        for (int j = 0; j < _taps; j++)
        {
            var v = Vector256.LoadUnsafe(ref x, (nuint)(newest - j));
            var w = Vector256.LoadUnsafe(ref x, (nuint)(newest - j + 4));
            var c1 = Vector256.Create(_h1[j]);
            var c2 = Vector256.Create(_h2[j]);
            var c3 = Vector256.Create(_h3[j]);
            a1 += v * c1; a2 += v * c2; a3 += v * c3;
            b1 += w * c1; b2 += w * c2; b3 += w * c3;
        }
        var ca = Vector256.Abs(Vector256.LoadUnsafe(ref x, (nuint)(newest - Delay)));
        var cb = Vector256.Abs(Vector256.LoadUnsafe(ref x, (nuint)(newest - Delay + 4)));
        var pa = Vector256.Max(ca, Vector256.Max(Vector256.Abs(a1), Vector256.Max(Vector256.Abs(a2), Vector256.Abs(a3))));
        var pb = Vector256.Max(cb, Vector256.Max(Vector256.Abs(b1), Vector256.Max(Vector256.Abs(b2), Vector256.Abs(b3))));
        ref double p = ref MemoryMarshal.GetArrayDataReference(_peaks);
        pa.StoreUnsafe(ref p, (nuint)i);
        pb.StoreUnsafe(ref p, (nuint)(i + 4));
    }

    /// <summary>max |a[from … from + count)| rounded up to 8 samples (reads past the end stay in the padding).</summary>
    private static double AbsMax(double[] a, int from, int count)
    {
        ref double r = ref MemoryMarshal.GetArrayDataReference(a);
        Vector256<double> m0 = Vector256<double>.Zero, m1 = m0;
        for (int k = 0; k < count; k += 8)
        {
            m0 = Vector256.Max(m0, Vector256.Abs(Vector256.LoadUnsafe(ref r, (nuint)(from + k))));
            m1 = Vector256.Max(m1, Vector256.Abs(Vector256.LoadUnsafe(ref r, (nuint)(from + k + 4))));
        }
        var m = Vector256.Max(m0, m1);
        return Math.Max(Math.Max(m[0], m[1]), Math.Max(m[2], m[3]));
    }

    private static double Kaiser(double t)
    {
        double r = 1 - t * t;
        return r <= 0 ? 0 : BesselI0(KaiserBeta * Math.Sqrt(r)) / BesselI0(KaiserBeta);
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (int k = 1; k < 50; k++)
        {
            term *= x * x / (4.0 * k * k);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return sum;
    }
}
