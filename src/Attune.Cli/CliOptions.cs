using System.CommandLine;

namespace Attune.Cli;

/// <summary>Small helpers for options whose values are checked by Attune (so messages name the option and the range).</summary>
internal static class CliOptions
{
    public static Option<string?> Text(string name, string description) => new(name) { Description = description };

    public static Option<double?> Number(string name, string description) => new(name) { Description = description };

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static T Choice<T>(string option, string? value, T fallback, params (string Name, T Value)[] choices)
    {
        if (value is null) return fallback;
        foreach (var (name, v) in choices)
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase)) return v;
        var names = new string[choices.Length];
        for (int i = 0; i < choices.Length; i++) names[i] = choices[i].Name;
        throw new UsageException($"{option}: '{value}' is not one of {string.Join(", ", names)}");
    }

    public static double InRange(string option, double? value, double fallback, double min, double max, string unit)
    {
        double v = value ?? fallback;
        if (double.IsNaN(v) || v < min || v > max) throw UsageException.OutOfRange(option, v, min, max, unit);
        return v;
    }
}
