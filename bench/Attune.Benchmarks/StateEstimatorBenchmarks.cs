using Attune.Engine;
using Attune.Engine.Sensing;
using BenchmarkDotNet.Attributes;

namespace Attune.Benchmarks;

/// <summary>
/// One operation = one second of a session at 1 Hz: one physiology sample added (and, in the
/// second benchmark, one estimate taken). A fresh estimator per simulated hour keeps time in order.
/// </summary>
[MemoryDiagnoser]
public class StateEstimatorBenchmarks
{
    private const int Seconds = 3600;
    private readonly PhysiologySample[] _samples = new PhysiologySample[Seconds];
    private readonly PersonalBaseline _baseline = new(60, 3, 40, 4);

    [GlobalSetup]
    public void Setup()
    {
        var rng = new SeededRandom(1);
        for (int t = 0; t < Seconds; t++)
            _samples[t] = new PhysiologySample(t, 62 + 2 * rng.NextGaussian(), 40 + 2 * rng.NextGaussian(), SensorContact.Detected);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Seconds)]
    public double AddSample()
    {
        var e = new StateEstimator(baseline: _baseline);
        for (int t = 0; t < Seconds; t++)
            e.Add(_samples[t]);
        return e.LastUpdateSeconds;
    }

    [Benchmark(OperationsPerInvoke = Seconds)]
    public double AddSampleAndEstimate()
    {
        var e = new StateEstimator(baseline: _baseline);
        double sum = 0;
        for (int t = 0; t < Seconds; t++)
        {
            e.Add(_samples[t]);
            sum += e.Estimate(t).Arousal;
        }
        return sum;
    }
}
