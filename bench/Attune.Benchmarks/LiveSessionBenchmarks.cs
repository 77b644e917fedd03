using Attune.Engine;
using Attune.Engine.Adaptation;
using Attune.Engine.Composition.Model;
using Attune.Engine.Events;
using Attune.Engine.Safety;
using BenchmarkDotNet.Attributes;

namespace Attune.Benchmarks;

/// <summary>
/// What a live session costs the server, engine side, as the web app builds it (notched 4 kHz profile, pcm16 output):
/// <c>Create</c> = one session's engine (music player on the trained chorale model, breathing pacer, notch, Safety,
/// closed loop); <c>Frame</c> = one 20 ms frame of a running session (the closed loop's step, then 3 × 256 + 192
/// samples through the chain). Real-time share of a core per session = Frame ÷ 20 ms.
/// </summary>
[MemoryDiagnoser]
public class LiveSessionBenchmarks
{
    private const int FrameSize = 960;
    private static readonly TherapyProfile Profile = new(Conditions.Tinnitus, tinnitusHz: 4000);
    private readonly float[] _left = new float[FrameSize], _right = new float[FrameSize];
    private ChoraleNade _model = null!;
    private TherapySession _therapy = null!;
    private ClosedLoopSession _loop = null!;
    private long _frames;

    [GlobalSetup]
    public void Setup()
    {
        _model = ChoraleNade.Load(Path.Combine(AppContext.BaseDirectory, "models", "jsb-nade-v1.bin"));
        (_therapy, _loop) = Build(1);
        // Past the first minute, so the frames measured are the steady state of a session.
        for (int i = 0; i < 3000; i++) Frame();
    }

    private (TherapySession, ClosedLoopSession) Build(ulong seed)
    {
        var pacer = new BreathingPacer();
        var therapy = SessionFactory.Create(new RenderSettings(TherapyMode.Music, Profile, 30, seed), OutputKind.Lossless, EventLog.Null, _model, pacer,
            recordEvents: false);
        var loop = new ClosedLoopSession(Profile, SessionGoal.Settle, 30 * 60, log: EventLog.Null, player: therapy.Music, audioPacer: pacer);
        return (therapy, loop);
    }

    [Benchmark(Description = "create a live session's engine")]
    public object Create() => Build(2);

    [Benchmark(Description = "one 20 ms frame of a running session")]
    public float Frame()
    {
        if (_frames * 0.02 > 29 * 60) (_therapy, _loop) = Build(3 + (ulong)_frames);
        _loop.Advance(_frames++ * 0.02);
        for (int start = 0; start < FrameSize; start += AudioFormat.BlockSize)
        {
            int n = Math.Min(AudioFormat.BlockSize, FrameSize - start);
            _therapy.Pipeline.RenderBlock(_left.AsSpan(start, n), _right.AsSpan(start, n));
        }
        return _left[0];
    }
}
