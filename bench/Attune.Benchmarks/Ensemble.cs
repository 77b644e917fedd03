using Attune.Engine;
using Attune.Engine.Synthesis;

namespace Attune.Benchmarks;

/// <summary>
/// The benchmark's stated load: a pad chord (4 voices), a bass note, soft keys (5) and chimes (6),
/// 16 notes re-struck every second (with releases still ringing, ≈ 23 voices sound on average, at most 24), through the FDN reverb.
/// </summary>
internal static class Ensemble
{
    public const int Voices = 16;
    private static readonly int[] Pad = [48, 55, 60, 64];
    private static readonly int[] Keys = [67, 71, 72, 74, 76];
    private static readonly int[] Chimes = [79, 81, 84, 86, 88, 91];

    public static Synthesizer Create(SeededRandom random) =>
        new(new SynthSettings(
            [
                new PartSettings(InstrumentKind.WarmPad, -6f, 0f, 0.4f),
                new PartSettings(InstrumentKind.RoundBass, -6f, 0f, 0.1f),
                new PartSettings(InstrumentKind.SoftKeys, -8f, -0.3f, 0.3f),
                new PartSettings(InstrumentKind.Chimes, -12f, 0.3f, 0.5f),
            ], maxPolyphony: 24), random);

    /// <summary>Every 188 blocks (≈ 1 s) releases and re-strikes all 16 notes.</summary>
    public static void Retrigger(Synthesizer synth, long block)
    {
        if (block % 188 != 0) return;
        long at = synth.FramePosition;
        synth.Schedule(MusicEvent.AllNotesOff(at));
        foreach (int p in Pad) synth.Schedule(MusicEvent.NoteOn(at + 1, 0, p, 0.6f));
        synth.Schedule(MusicEvent.NoteOn(at + 1, 1, 36, 0.7f));
        foreach (int p in Keys) synth.Schedule(MusicEvent.NoteOn(at + 1, 2, p, 0.5f));
        foreach (int p in Chimes) synth.Schedule(MusicEvent.NoteOn(at + 1, 3, p, 0.4f));
    }
}
