using Attune.Engine;
using Attune.Engine.Sensing;
using BenchmarkDotNet.Attributes;

namespace Attune.Benchmarks;

/// <summary>
/// SlidingRmssdAdd: one operation = one beat into a 120 s window (goal 0 bytes allocated). Analyze5Min and
/// Correct5Min: one operation = a 5-min, ≈ 333-beat series (900 ms mean, 0.1 and 0.25 Hz components, 4 ms noise).
/// </summary>
[MemoryDiagnoser]
public class HrvBenchmarks
{
    private double[] _rr = [];
    private SlidingRmssd _sliding = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new SeededRandom(1);
        var rr = new List<double>();
        double t = 0;
        while (t < 300)
        {
            double v = 900 + 25 * Math.Sin(2 * Math.PI * 0.1 * t) + 12 * Math.Sin(2 * Math.PI * 0.25 * t) + 4 * random.NextGaussian();
            rr.Add(v);
            t += v / 1000;
        }
        _rr = [.. rr];
        _sliding = new SlidingRmssd(120);
        foreach (double v in _rr) _sliding.Add(v);
    }

    [Benchmark]
    public double? SlidingRmssdAdd()
    {
        _sliding.Add(_rr[_next]);
        if (++_next == _rr.Length) _next = 0;
        return _sliding.Value;
    }

    [Benchmark]
    public double? Analyze5Min() => HrvAnalyzer.Analyze(_rr).LfHfRatio;

    [Benchmark]
    public int Correct5Min() => RrArtefactCorrector.Correct(_rr).CorrectedMs.Count;
}
