namespace Attune.Engine.Safety;

/// <summary>A direct-form-I biquad with double state; a mutable struct, so keep it in a field or array slot.</summary>
internal struct Biquad
{
    public double B0, B1, B2, A1, A2;
    private double _x1, _x2, _y1, _y2;

    public Biquad(double b0, double b1, double b2, double a1, double a2)
    {
        B0 = b0; B1 = b1; B2 = b2; A1 = a1; A2 = a2;
        _x1 = _x2 = _y1 = _y2 = 0;
    }

    public double Process(double x)
    {
        double y = B0 * x + B1 * _x1 + B2 * _x2 - A1 * _y1 - A2 * _y2;
        _x2 = _x1; _x1 = x;
        _y2 = _y1; _y1 = y;
        return y;
    }

    /// <summary>Magnitude of the frequency response at <paramref name="hz"/> for sample rate <paramref name="fs"/>.</summary>
    public readonly double Magnitude(double hz, double fs)
    {
        double w = 2 * Math.PI * hz / fs;
        double c1 = Math.Cos(w), s1 = Math.Sin(w), c2 = Math.Cos(2 * w), s2 = Math.Sin(2 * w);
        double nr = B0 + B1 * c1 + B2 * c2, ni = -(B1 * s1 + B2 * s2);
        double dr = 1 + A1 * c1 + A2 * c2, di = -(A1 * s1 + A2 * s2);
        return Math.Sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }
}
