namespace Attune.Cli;

/// <summary>A one-line progress bar on stderr, drawn only when stderr is a terminal.</summary>
internal sealed class ProgressBar(TextWriter stderr, string label)
{
    private readonly bool _enabled = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
    private int _lastPercent = -1;

    public void Report(double fraction)
    {
        if (!_enabled) return;
        int percent = (int)(fraction * 100);
        if (percent == _lastPercent) return;
        _lastPercent = percent;
        int filled = percent * 30 / 100;
        stderr.Write($"\r{label} [{new string('#', filled)}{new string('.', 30 - filled)}] {percent,3}%");
        if (percent >= 100) stderr.WriteLine();
    }
}
