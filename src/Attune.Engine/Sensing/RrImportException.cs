namespace Attune.Engine.Sensing;

/// <summary>An RR or heart-rate file that cannot be read; the message names the line and what is wrong.</summary>
public sealed class RrImportException : Exception
{
    public RrImportException(string message) : base(message) { }

    public RrImportException() { }

    public RrImportException(string message, Exception innerException) : base(message, innerException) { }

    public RrImportException(int line, string message) : base($"line {line}: {message}") => Line = line;

    /// <summary>1-based line number of the problem, or null when it concerns the whole file.</summary>
    public int? Line { get; }
}
