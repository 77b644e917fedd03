namespace Attune.Engine.Composition.Model;

/// <summary>
/// Histograms that summarise a stream of frames' style, to compare model samples with real chorales:
/// pitch class of every sounding note (12 bins); interval in semitones between the top notes
/// ("soprano") of successive non-empty frames of a sequence, clamped to ±12 (25 bins); register,
/// the MIDI note of every sounding note (88 bins); voices per frame, clamped to 8 (9 bins).
/// </summary>
public sealed class StyleStatistics
{
    /// <summary>Pseudo-count added to every bin before comparing, so the KL divergence is finite.</summary>
    public const double Smoothing = 0.5;

    private const int MaxInterval = 12, MaxVoices = 8;
    private int _previousTop = -1;

    public long[] PitchClass { get; } = new long[12];

    public long[] SopranoInterval { get; } = new long[2 * MaxInterval + 1];

    public long[] Register { get; } = new long[ChoraleCorpus.KeyCount];

    public long[] VoiceCount { get; } = new long[MaxVoices + 1];

    public long Frames { get; private set; }

    /// <summary>Marks the start of a new sequence: no soprano interval is counted across it.</summary>
    public void BeginSequence() => _previousTop = -1;

    /// <summary>Adds one frame (MIDI notes 21–108, any order).</summary>
    public void AddFrame(ReadOnlySpan<int> notes)
    {
        Frames++;
        VoiceCount[Math.Min(notes.Length, MaxVoices)]++;
        int top = -1;
        foreach (int note in notes)
        {
            if (note is < ChoraleCorpus.LowestKey or > ChoraleCorpus.HighestKey)
                throw new ArgumentOutOfRangeException(nameof(notes), note, $"notes must be MIDI notes in [{ChoraleCorpus.LowestKey}, {ChoraleCorpus.HighestKey}]");
            PitchClass[note % 12]++;
            Register[note - ChoraleCorpus.LowestKey]++;
            top = Math.Max(top, note);
        }
        if (top < 0) return;
        if (_previousTop >= 0) SopranoInterval[Math.Clamp(top - _previousTop, -MaxInterval, MaxInterval) + MaxInterval]++;
        _previousTop = top;
    }

    /// <summary>Adds every chorale as its own sequence.</summary>
    public void AddChorales(IReadOnlyList<int[][]> chorales)
    {
        ArgumentNullException.ThrowIfNull(chorales);
        foreach (var chorale in chorales)
        {
            BeginSequence();
            foreach (var frame in chorale) AddFrame(frame);
        }
    }

    /// <summary>KL(reference ‖ sample) in nats for each histogram, both smoothed by <see cref="Smoothing"/> per bin.</summary>
    public static IReadOnlyDictionary<string, double> Divergences(StyleStatistics reference, StyleStatistics sample)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(sample);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["pitch_class"] = KlDivergence(reference.PitchClass, sample.PitchClass),
            ["soprano_interval"] = KlDivergence(reference.SopranoInterval, sample.SopranoInterval),
            ["register"] = KlDivergence(reference.Register, sample.Register),
            ["voice_count"] = KlDivergence(reference.VoiceCount, sample.VoiceCount),
        };
    }

    /// <summary>Σ p log(p/q) of two count histograms of equal length after adding <see cref="Smoothing"/> to each bin.</summary>
    public static double KlDivergence(ReadOnlySpan<long> p, ReadOnlySpan<long> q)
    {
        if (p.Length != q.Length) throw new ArgumentException($"q: length {q.Length} differs from p's {p.Length}", nameof(q));
        double sumP = 0, sumQ = 0;
        for (int i = 0; i < p.Length; i++) { sumP += p[i] + Smoothing; sumQ += q[i] + Smoothing; }
        double kl = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = (p[i] + Smoothing) / sumP, qi = (q[i] + Smoothing) / sumQ;
            kl += pi * Math.Log(pi / qi);
        }
        return kl;
    }
}
