namespace Attune.Engine.Sensing;

/// <summary>Range checks for Sensing inputs: the message names the field, the allowed range and the unit.</summary>
internal static class SensingInputRange
{
    public static void Require(string field, double value, double min, double max, string unit)
    {
        if (!double.IsFinite(value) || value < min || value > max)
            throw new ArgumentOutOfRangeException(field, value, $"{field} must be in [{min}, {max}] {unit}; got {value}.");
    }

    /// <summary>Session time: finite and not negative.</summary>
    public static void RequireTime(string field, double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
            throw new ArgumentOutOfRangeException(field, seconds, $"{field} must be a finite time ≥ 0 s; got {seconds}.");
    }

    public static void RequirePositive(string field, double value, double max, string unit)
    {
        if (!double.IsFinite(value) || value <= 0 || value > max)
            throw new ArgumentOutOfRangeException(field, value, $"{field} must be in (0, {max}] {unit}; got {value}.");
    }
}
