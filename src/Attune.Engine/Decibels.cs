namespace Attune.Engine;

/// <summary>Conversions between linear amplitude/power and decibels.</summary>
public static class Decibels
{
    public static double ToGain(double db) => Math.Pow(10, db / 20);
    public static double FromGain(double gain) => gain <= 0 ? double.NegativeInfinity : 20 * Math.Log10(gain);
    public static double FromPower(double power) => power <= 0 ? double.NegativeInfinity : 10 * Math.Log10(power);
}
