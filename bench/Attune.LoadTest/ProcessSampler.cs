using System.Diagnostics;
using System.Globalization;

namespace Attune.LoadTest;

/// <summary>
/// Samples a process once a second from /proc: CPU % of one core from utime+stime (/proc/PID/stat, clock ticks)
/// over wall time, and resident memory (VmRSS in /proc/PID/status).
/// </summary>
internal sealed class ProcessSampler : IAsyncDisposable
{
    private static readonly double TicksPerSecond = ClockTicks();
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _cpu = [];
    private readonly List<double> _rssMb = [];
    private readonly Task _loop;

    public ProcessSampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
    }

    public IReadOnlyList<double> CpuPercent { get { lock (_cpu) return [.. _cpu]; } }
    public IReadOnlyList<double> RssMb { get { lock (_cpu) return [.. _rssMb]; } }

    public static double RssMbOf(int pid)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return double.Parse(parts[1], CultureInfo.InvariantCulture) / 1024; // kB → MB
        }
        return double.NaN;
    }

    public static double CpuSecondsOf(int pid)
    {
        // Fields after the ")" of comm: state is field 3, utime 14, stime 15 (proc(5)).
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private async Task LoopAsync()
    {
        double lastCpu = CpuSecondsOf(_pid);
        long lastWall = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                double cpu = CpuSecondsOf(_pid);
                long wall = Stopwatch.GetTimestamp();
                double percent = 100 * (cpu - lastCpu) / Stopwatch.GetElapsedTime(lastWall, wall).TotalSeconds;
                double rss = RssMbOf(_pid);
                lock (_cpu)
                {
                    _cpu.Add(percent);
                    _rssMb.Add(rss);
                }
                (lastCpu, lastWall) = (cpu, wall);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private static double ClockTicks()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false });
            if (p is null) return 100;
            string text = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return double.TryParse(text, CultureInfo.InvariantCulture, out double t) && t > 0 ? t : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100; // USER_HZ on every common Linux build
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
