using Attune.Engine.Events;
using Attune.Engine.Safety;
using CsCheck;

namespace Attune.Engine.Tests.Safety;

/// <summary>What a command does to the governor at the start of a block.</summary>
internal enum CommandKind { Stop, TooLoud, Resume, FadeOut, Volume }

internal sealed record Segment(int StartBlock, int Kind, double AmplitudeDb, double Hz);

internal sealed record Command(int Block, CommandKind Kind, double VolumeDb);

/// <summary>A random safety-stage session: signal segments, NaN injections, commands and a profile.</summary>
internal sealed record SafetyScenario(
    ulong Seed, int Blocks, double MaxLufs, double CeilingDbtp, bool Lossy, bool Hyperacusis, bool FadeIn,
    int NanMode, Segment[] Segments, Command[] Commands)
{
    public const int Block = AudioFormat.BlockSize;

    public static readonly Gen<Segment> SegmentGen = Gen.Select(
        Gen.Int[0, 1400], Gen.Int[0, 3], Gen.Double[-60, 12], Gen.Double[3.0, 4.3],
        (start, kind, db, logHz) => new Segment(start, kind, Math.Round(db, 1), Math.Round(Math.Pow(10, logHz))));

    public static readonly Gen<Command> CommandGen = Gen.Select(
        Gen.Int[0, 1400], Gen.Int[0, 4], Gen.Double[-40, 0],
        (block, kind, db) => new Command(block, (CommandKind)kind, Math.Round(db, 1)));

    public static readonly Gen<SafetyScenario> Generator = Gen.Select(
        Gen.Select(Gen.ULong, Gen.Int[375, 1500], Gen.Double[-70, -20], Gen.Double[-30, -1]),
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Int[0, 2]),
        SegmentGen.Array[1, 6], CommandGen.Array[0, 5],
        (a, b, segments, commands) => new SafetyScenario(a.Item1, a.Item2, Math.Round(a.Item3, 1), Math.Round(a.Item4, 1),
            b.Item1, b.Item2, b.Item3, b.Item4,
            [.. segments.OrderBy(s => s.StartBlock)], [.. commands.OrderBy(c => c.Block)]));

    public TherapyProfile Profile => new(Hyperacusis ? Conditions.Hyperacusis : Conditions.Tinnitus,
        maxLufs: MaxLufs, ceilingDbtp: CeilingDbtp);

    /// <summary>A readable form for failure reports (records print arrays as type names).</summary>
    public string Describe() =>
        $"seed {Seed}, {Blocks} blocks, max {MaxLufs} LUFS, ceiling {CeilingDbtp} dBTP, lossy {Lossy}, hyperacusis {Hyperacusis}, " +
        $"fade-in {FadeIn}, NaN mode {NanMode}; segments [{string.Join("; ", Segments.Select(s => $"{s.StartBlock}: kind {s.Kind} {s.AmplitudeDb} dB {s.Hz} Hz"))}]; " +
        $"commands [{string.Join("; ", Commands.Select(c => $"{c.Block}: {c.Kind} {c.VolumeDb}"))}]";

    /// <summary>The input signal (stereo, possibly with NaN/∞).</summary>
    public (float[] Left, float[] Right) Input()
    {
        int frames = Blocks * Block;
        var left = new float[frames];
        var right = new float[frames];
        var rng = new SeededRandom(Seed);
        double phase = 0;
        for (int s = 0; s < Segments.Length; s++)
        {
            var seg = Segments[s];
            int from = Math.Min(frames, seg.StartBlock * Block);
            int to = s + 1 < Segments.Length ? Math.Min(frames, Segments[s + 1].StartBlock * Block) : frames;
            double amp = Math.Pow(10, seg.AmplitudeDb / 20);
            int burstLeft = 0;
            for (int i = from; i < to; i++)
            {
                double l = 0, r = 0;
                switch (seg.Kind)
                {
                    case 0: // sine, slightly different per channel
                        phase += 2 * Math.PI * seg.Hz / AudioFormat.SampleRate;
                        l = amp * Math.Sin(phase);
                        r = amp * Math.Sin(phase + 0.5);
                        break;
                    case 1: // Gaussian noise (peaks ~4× rms)
                        l = amp * rng.NextGaussian() * 0.3;
                        r = amp * rng.NextGaussian() * 0.3;
                        break;
                    case 3: // noise bursts of 10–200 ms at random
                        if (burstLeft == 0 && rng.NextDouble() < 1.0 / 9600) burstLeft = 480 + rng.Next(9120);
                        if (burstLeft > 0)
                        {
                            burstLeft--;
                            l = amp * rng.NextBipolar();
                            r = amp * rng.NextBipolar();
                        }
                        break;
                }
                left[i] = (float)l;
                right[i] = (float)r;
            }
        }
        if (NanMode == 1)
            for (int i = 0; i < frames; i++)
                if (rng.NextDouble() < 2e-4) left[i] = rng.Next(2) == 0 ? float.NaN : float.PositiveInfinity;
        if (NanMode == 2)
        {
            int start = rng.Next(frames);
            for (int i = start; i < Math.Min(frames, start + 1000); i++) { left[i] = float.NaN; right[i] = float.NegativeInfinity; }
        }
        return (left, right);
    }

    /// <summary>Runs the governor over the input, applying commands at block starts.</summary>
    public Run Execute(EventLog? log = null)
    {
        var (left, right) = Input();
        var outL = (float[])left.Clone();
        var outR = (float[])right.Clone();
        var governor = new SafetyGovernor(Profile, Lossy ? OutputKind.Lossy : OutputKind.Lossless, log ?? EventLog.Null, FadeIn);
        int c = 0;
        long finishedAt = -1;
        for (int b = 0; b < Blocks; b++)
        {
            while (c < Commands.Length && Commands[c].Block <= b)
            {
                var cmd = Commands[c++];
                switch (cmd.Kind)
                {
                    case CommandKind.Stop: governor.Stop(); break;
                    case CommandKind.TooLoud: governor.TooLoud(); break;
                    case CommandKind.Resume: governor.Resume(); break;
                    case CommandKind.FadeOut: governor.BeginFadeOut(); break;
                    case CommandKind.Volume: governor.SetListenerVolumeDb(cmd.VolumeDb); break;
                }
            }
            governor.Process(outL.AsSpan(b * Block, Block), outR.AsSpan(b * Block, Block));
            if (finishedAt < 0 && governor.IsFinished) finishedAt = (long)(b + 1) * Block;
        }
        return new Run(this, left, right, outL, outR, governor, finishedAt);
    }

    public sealed record Run(SafetyScenario Scenario, float[] InLeft, float[] InRight, float[] OutLeft, float[] OutRight,
        SafetyGovernor Governor, long FinishedAtFrame);
}
