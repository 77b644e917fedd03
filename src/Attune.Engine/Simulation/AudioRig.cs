using Attune.Engine.Adaptation;
using Attune.Engine.Audio;
using Attune.Engine.Composition;
using Attune.Engine.Composition.Model;
using Attune.Engine.Events;
using Attune.Engine.Safety;
using Attune.Engine.Therapy;

namespace Attune.Engine.Simulation;

/// <summary>
/// The full audio path for a simulated session: the preset's music player, breathing swells, the notch
/// and Safety, rendered second by second alongside the cheap simulation (the patient still responds to
/// the intent's features). Proves that what the loop decides is rendered, safely, by the real chain.
/// </summary>
internal sealed class AudioRig : IDisposable
{
    private readonly RenderPipeline _pipeline;
    private readonly WavFileWriter? _writer;
    private readonly float[] _left = new float[AudioFormat.BlockSize];
    private readonly float[] _right = new float[AudioFormat.BlockSize];
    private double _sumSquares;

    public AudioRig(ChoraleNade model, TherapyProfile profile, MusicPreset preset, ulong seed, string? wavPath)
    {
        Pacer = new BreathingPacer();
        Player = new MusicPlayer(model, profile, preset.Apply(MusicalIntent.ForArousal(0.5)), new SeededRandom(seed),
            texture: preset.Texture, lead: preset.LeadInstrument);
        _pipeline = new RenderPipeline(Player, ProcessorChain.Of(Pacer, NotchFilter.ForProfile(profile)),
            new SafetyGovernor(profile, OutputKind.Lossless, EventLog.Null));
        if (wavPath is not null) _writer = new WavFileWriter(wavPath, WavSampleFormat.Pcm16, new SeededRandom(seed ^ WavFileWriter.DefaultDitherSeed));
    }

    public MusicPlayer Player { get; }
    public BreathingPacer Pacer { get; }
    public long Frames { get; private set; }

    /// <summary>RMS level of everything rendered, dBFS (both channels).</summary>
    public double RmsDbfs => Frames == 0 ? double.NegativeInfinity : 10 * Math.Log10(_sumSquares / (2.0 * Frames) + 1e-30);

    /// <summary>Renders one second of audio.</summary>
    public void RenderSecond()
    {
        int left = AudioFormat.SampleRate;
        while (left > 0)
        {
            int n = Math.Min(AudioFormat.BlockSize, left);
            var l = _left.AsSpan(0, n);
            var r = _right.AsSpan(0, n);
            _pipeline.RenderBlock(l, r);
            for (int i = 0; i < n; i++) _sumSquares += l[i] * l[i] + r[i] * r[i];
            _writer?.Write(l, r);
            left -= n;
            Frames += n;
        }
    }

    public void Dispose() => _writer?.Dispose();
}
