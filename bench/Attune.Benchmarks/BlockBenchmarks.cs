using Attune.Engine;
using Attune.Engine.Events;
using Attune.Engine.Safety;
using Attune.Engine.Synthesis;
using Attune.Engine.Therapy;
using BenchmarkDotNet.Attributes;

namespace Attune.Benchmarks;

/// <summary>
/// One operation = one 256-frame stereo block at 48 kHz (5.333 ms of audio), so real-time factor =
/// 5.333 ms ÷ mean time per operation, and "Allocated" is bytes allocated per block (goal 0).
/// </summary>
[MemoryDiagnoser]
public class BlockBenchmarks
{
    private readonly float[] _left = new float[AudioFormat.BlockSize];
    private readonly float[] _right = new float[AudioFormat.BlockSize];
    private NoiseGenerator _pink = null!;
    private NotchFilter _notch = null!;
    private SafetyGovernor _safety = null!;
    private Synthesizer _synth = null!;
    private RenderPipeline _chain = null!;
    private Synthesizer _chainSynth = null!;
    private long _blocks;

    [GlobalSetup]
    public void Setup()
    {
        _pink = new NoiseGenerator(NoiseColor.Pink, -30, new SeededRandom(1));
        _notch = new NotchFilter(4000, 1);
        _safety = new SafetyGovernor(TherapyProfile.Default, OutputKind.Lossless, EventLog.Null);
        _synth = Ensemble.Create(new SeededRandom(2));
        _chainSynth = Ensemble.Create(new SeededRandom(3));
        var profile = new TherapyProfile(Conditions.Tinnitus, tinnitusHz: 4000);
        _chain = new RenderPipeline(_chainSynth, NotchFilter.ForProfile(profile), new SafetyGovernor(profile, OutputKind.Lossless, EventLog.Null));
        // Warm every path so steady state is measured.
        for (int i = 0; i < 2000; i++)
        {
            PinkNoiseBlock();
            NotchBlock();
            SafetyBlock();
            SynthBlock();
            FullChainBlock();
        }
    }

    [Benchmark(Description = "pink noise generator")]
    public void PinkNoiseBlock() => _pink.Render(_left, _right);

    [Benchmark(Description = "notch (fT 4 kHz, 1 octave)")]
    public void NotchBlock() => _notch.Process(_left, _right);

    [Benchmark(Description = "safety governor")]
    public void SafetyBlock()
    {
        _pink.Render(_left, _right);
        _safety.Process(_left, _right);
    }

    [Benchmark(Description = "synth: 16 notes struck each second (≈ 23 sounding) + reverb")]
    public void SynthBlock()
    {
        Ensemble.Retrigger(_synth, _blocks++);
        _synth.Render(_left, _right);
    }

    [Benchmark(Description = "full chain: that synth + notch + safety")]
    public void FullChainBlock()
    {
        Ensemble.Retrigger(_chainSynth, _blocks++);
        _chain.RenderBlock(_left, _right);
    }
}
