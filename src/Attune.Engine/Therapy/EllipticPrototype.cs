using System.Numerics;

namespace Attune.Engine.Therapy;

/// <summary>
/// Analog elliptic (Cauer) low-pass prototype with passband edge 1 rad/s, designed with Jacobi
/// elliptic functions evaluated by descending Landen transformations (method: S. J. Orfanidis,
/// "Lecture Notes on Elliptic Filter Design", Rutgers 2006). Even orders only, so every pole and
/// zero is a complex-conjugate pair; only the upper-half-plane member is returned.
/// </summary>
internal static class EllipticPrototype
{
    private const int LandenSteps = 12; // the modulus falls quadratically; extra steps at k ≈ 0 are harmless

    /// <summary>Smallest even order meeting ripple <paramref name="passRippleDb"/>, attenuation <paramref name="stopAttenuationDb"/> at stopband edge <paramref name="stopEdge"/> (&gt; 1).</summary>
    public static int MinimumEvenOrder(double passRippleDb, double stopAttenuationDb, double stopEdge)
    {
        double k = 1 / stopEdge;
        double k1 = PassEpsilon(passRippleDb) / Math.Sqrt(Math.Pow(10, stopAttenuationDb / 10) - 1);
        double n = CompleteK(k) * CompleteK(Complement(k1)) / (CompleteK(Complement(k)) * CompleteK(k1));
        int order = (int)Math.Ceiling(n - 1e-9);
        return order + (order & 1);
    }

    /// <summary>Upper-half-plane zeros and poles of the order-<paramref name="order"/> prototype; DC gain is −ripple.</summary>
    public static (Complex[] Zeros, Complex[] Poles) Design(int order, double passRippleDb, double stopAttenuationDb)
    {
        if (order < 2 || (order & 1) != 0) throw new ArgumentOutOfRangeException(nameof(order), order, "order must be even and ≥ 2");
        double ep = PassEpsilon(passRippleDb);
        double k1 = ep / Math.Sqrt(Math.Pow(10, stopAttenuationDb / 10) - 1);
        // Solve the degree equation for the selectivity k: keeps both ripple specs, narrows the transition.
        double k = DegreeSelectivity(order, k1);
        int half = order / 2;

        // v0 from sn(j·v0·N·K1, k1) = j/εp; asn of a pure imaginary stays imaginary.
        Complex u = InverseSn(new Complex(0, 1 / ep), k1);
        double v0 = Math.Abs(u.Imaginary) / order;

        var zeros = new Complex[half];
        var poles = new Complex[half];
        for (int i = 1; i <= half; i++)
        {
            double ui = (2.0 * i - 1) / order;
            double zeta = Cd(new Complex(ui, 0), k).Real;
            zeros[i - 1] = new Complex(0, 1 / (k * zeta));
            Complex p = Complex.ImaginaryOne * Cd(new Complex(ui, -v0), k);
            // |H(jω)| is unchanged by mirroring a pole; force the stable half-plane and the upper half.
            poles[i - 1] = new Complex(-Math.Abs(p.Real), Math.Abs(p.Imaginary));
        }
        return (zeros, poles);
    }

    private static double PassEpsilon(double rippleDb) => Math.Sqrt(Math.Pow(10, rippleDb / 10) - 1);

    private static double Complement(double k) => Math.Sqrt((1 - k) * (1 + k));

    /// <summary>Complete elliptic integral K(k) by the arithmetic–geometric mean.</summary>
    private static double CompleteK(double k)
    {
        double a = 1, b = Complement(k);
        for (int i = 0; i < 40 && Math.Abs(a - b) > 1e-16 * a; i++)
        {
            double an = (a + b) / 2;
            b = Math.Sqrt(a * b);
            a = an;
        }
        return Math.PI / (2 * a);
    }

    private static double[] Landen(double k)
    {
        var v = new double[LandenSteps];
        for (int n = 0; n < LandenSteps; n++)
        {
            double kc = Complement(k);
            k = k / (1 + kc);
            k *= k;
            v[n] = k;
        }
        return v;
    }

    /// <summary>cd(u·K, k) with u in units of the quarter period K.</summary>
    private static Complex Cd(Complex u, double k) => Ascend(Complex.Cos(u * Math.PI / 2), k);

    /// <summary>sn(u·K, k) with u in units of the quarter period K.</summary>
    private static double Sn(double u, double k) => Ascend(new Complex(Math.Sin(u * Math.PI / 2), 0), k).Real;

    private static Complex Ascend(Complex w, double k)
    {
        double[] v = Landen(k);
        for (int n = v.Length - 1; n >= 0; n--)
            w = (1 + v[n]) * w / (1 + v[n] * w * w);
        return w;
    }

    /// <summary>Inverse of sn, in units of K: sn(u·K, k) = w.</summary>
    private static Complex InverseSn(Complex w, double k)
    {
        double[] v = Landen(k);
        double previous = k;
        for (int n = 0; n < v.Length; n++)
        {
            w = w / (1 + Complex.Sqrt(1 - w * w * previous * previous)) * 2 / (1 + v[n]);
            previous = v[n];
        }
        Complex acd = Complex.Acos(w) * (2 / Math.PI);
        return 1 - acd;
    }

    /// <summary>Selectivity k of an order-N elliptic filter with discrimination k1 (exact degree equation).</summary>
    private static double DegreeSelectivity(int order, double k1)
    {
        double k1c = Complement(k1);
        double product = 1;
        for (int i = 1; i <= order / 2; i++)
            product *= Sn((2.0 * i - 1) / order, k1c);
        double kc = Math.Pow(k1c, order) * Math.Pow(product, 4);
        return Math.Sqrt((1 - kc) * (1 + kc));
    }
}
