using Attune.Engine;
using Attune.Engine.Analysis;
using Attune.Engine.Composition;
using Attune.Engine.Composition.Model;
using Attune.Engine.Synthesis;

namespace Attune.Engine.Tests.Composition;

/// <summary>The shipped chorale model and rendering/measuring helpers for the music tests.</summary>
internal static class MusicTestAudio
{
    private static readonly Lazy<ChoraleNade> s_model = new(() => ChoraleNade.Load(FindModel()));

    /// <summary>models/jsb-nade-v1.bin from the repository (the model the CLI ships).</summary>
    public static ChoraleNade Model => s_model.Value;

    public static MusicPlayer Player(double arousal, TherapyProfile? profile = null, ulong seed = 1) =>
        new(Model, profile ?? TherapyProfile.Default, MusicalIntent.ForArousal(arousal), new SeededRandom(seed));

    public static (float[] Left, float[] Right) Render(IAudioSource source, double seconds) =>
        TestAudio.Render(source, (int)(seconds * AudioFormat.SampleRate));

    /// <summary>Power-weighted mean frequency of a signal's Welch PSD over 20 Hz–20 kHz.</summary>
    public static double SpectralCentroid(ReadOnlySpan<float> signal)
    {
        double[] psd = Welch.PowerSpectralDensity(signal, AudioFormat.SampleRate);
        double binHz = (double)AudioFormat.SampleRate / ((psd.Length - 1) * 2);
        double sum = 0, weighted = 0;
        for (int k = 0; k < psd.Length; k++)
        {
            double f = k * binHz;
            if (f < 20 || f > 20_000) continue;
            sum += psd[k];
            weighted += psd[k] * f;
        }
        return weighted / sum;
    }

    public static double MeanSquare(ReadOnlySpan<float> signal)
    {
        double sum = 0;
        foreach (float x in signal) sum += (double)x * x;
        return sum / signal.Length;
    }

    /// <summary>Note-on frames (in samples) of one part.</summary>
    public static List<long> Onsets(IReadOnlyList<MusicEvent> events, int part, long from = 0, long to = long.MaxValue)
    {
        var onsets = new List<long>();
        foreach (MusicEvent e in events)
            if (e.Kind == MusicEventKind.NoteOn && e.Part == part && e.Frame >= from && e.Frame < to) onsets.Add(e.Frame);
        return onsets;
    }

    private static string FindModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "models", "jsb-nade-v1.bin");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("models/jsb-nade-v1.bin not found above the test directory");
    }
}
