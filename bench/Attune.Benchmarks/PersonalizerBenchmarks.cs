using Attune.Engine;
using Attune.Engine.Adaptation;
using BenchmarkDotNet.Attributes;

namespace Attune.Benchmarks;

/// <summary>One decision (11 presets, 9 features) and one update; both run once per session, off the render path.</summary>
[MemoryDiagnoser]
public class PersonalizerBenchmarks
{
    private readonly PersonalizerContext _context = new(Conditions.Tinnitus, SessionGoal.Sleep, 22, 0.6);
    private readonly SessionOutcome _outcome = new(-0.1, rating: 7);
    private readonly SeededRandom _random = new(1);
    private Personalizer _personalizer = new(PersonalizerState.Flat());

    [GlobalSetup]
    public void Setup()
    {
        _personalizer = new Personalizer(PersonalizerState.Flat());
        foreach (var preset in PresetCatalog.Default) _personalizer.Update(_context, preset, _outcome);
    }

    [Benchmark(Baseline = true)]
    public MusicPreset Choose() => _personalizer.Choose(_context, PresetCatalog.Default, _random).Preset;

    [Benchmark]
    public void Update() => _personalizer.Update(_context, PresetCatalog.Default[1], _outcome);

    [Benchmark]
    public int SerialiseAndRead() => PersonalizerState.FromJson(_personalizer.State.ToJson()).KnownPresets.Count;
}
