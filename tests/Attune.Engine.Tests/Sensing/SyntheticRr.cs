namespace Attune.Engine.Tests.Sensing;

/// <summary>RR series generated beat by beat: RR(t) = base + A1·sin(2π·f1·t) + A2·sin(2π·f2·t) + Gaussian noise, t the beat's start.</summary>
internal static class SyntheticRr
{
    public static List<double> Generate(double seconds, double baseMs, double a1, double f1, double a2, double f2, double noiseSdMs = 0, ulong seed = 1)
    {
        var random = new SeededRandom(seed);
        var rr = new List<double>();
        double t = 0;
        while (t < seconds)
        {
            double v = baseMs + a1 * Math.Sin(2 * Math.PI * f1 * t) + a2 * Math.Sin(2 * Math.PI * f2 * t) + noiseSdMs * random.NextGaussian();
            rr.Add(v);
            t += v / 1000;
        }
        return rr;
    }

    /// <summary>A resting-like series: 900 ms, 25 ms at 0.1 Hz (baroreflex), 12 ms at 0.25 Hz (RSA), 4 ms noise.</summary>
    public static List<double> Realistic(double seconds, ulong seed) => Generate(seconds, 900, 25, 0.1, 12, 0.25, 4, seed);
}
