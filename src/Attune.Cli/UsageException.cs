namespace Attune.Cli;

/// <summary>Bad input from the command line: printed as one line naming the option, exit status 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }

    public UsageException() { }

    public UsageException(string message, Exception innerException) : base(message, innerException) { }

    public static UsageException OutOfRange(string option, double value, double min, double max, string unit) =>
        new($"{option}: {value} is outside the allowed range {min}–{max} {unit}");
}
