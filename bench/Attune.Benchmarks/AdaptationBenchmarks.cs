using Attune.Engine;
using Attune.Engine.Adaptation;
using Attune.Engine.Sensing;
using BenchmarkDotNet.Attributes;

namespace Attune.Benchmarks;

/// <summary>
/// One operation = one <see cref="TherapyController.Decide"/> call (a decision every 5 s of session time,
/// state drifting slowly), including building the constrained intent and the decision record; the
/// event log is the null log, so JSON writing is not included.
/// </summary>
[MemoryDiagnoser]
public class AdaptationBenchmarks
{
    private TherapyController _controller = null!;
    private double _t;

    [GlobalSetup]
    public void Setup()
    {
        _controller = new TherapyController(new TherapyProfile(Conditions.Tinnitus | Conditions.Hyperacusis, 6000),
            SessionGoal.Settle, RenderSettings.MaxMinutes * 60);
        _t = 0;
    }

    [Benchmark]
    public double Decide()
    {
        _t += 5;
        if (_t > RenderSettings.MaxMinutes * 60 - 10) Setup();
        double arousal = 0.5 + 0.2 * Math.Sin(_t / 300);
        return _controller.Decide(new StateEstimate(_t, arousal, 0.08, 0, 0.3, 0.5, 0.2, StateSources.HeartRate)).MusicArousal;
    }
}
