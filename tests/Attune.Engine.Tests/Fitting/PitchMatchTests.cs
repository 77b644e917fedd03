using Attune.Engine.Fitting;

namespace Attune.Engine.Tests.Fitting;

public class PitchMatchTests
{
    private const double TinnitusHz = 6000;
    private const double SixthOctave = 1.0 / 6;

    /// <summary>
    /// A simulated listener: picks the tone whose perceived distance (octaves) to the tinnitus is smaller, with
    /// Gaussian judgement noise. An octave-confused listener matches, per run, to the octave above with probability
    /// <paramref name="confusion"/> during the bisection; tones exactly an octave apart, played back to back (the
    /// check), reveal the true pitch — the premise of the clinical octave-confusion test.
    /// </summary>
    private sealed class Listener(ulong seed, double noiseOctaves, double confusion = 0)
    {
        private readonly SeededRandom _random = new(seed);
        private bool _confusedThisRun;

        public PitchChoice Answer(PitchMatchTrial trial)
        {
            if (IsFirstOfRun(trial)) _confusedThisRun = _random.NextDouble() < confusion;
            bool octavePair = Math.Abs(Octaves(trial) - 1) < 1e-3;
            double target = _confusedThisRun && !octavePair ? 2 * TinnitusHz : TinnitusHz;
            double da = Math.Abs(Math.Log2(trial.AHz / target)) + noiseOctaves * _random.NextGaussian();
            double db = Math.Abs(Math.Log2(trial.BHz / target)) + noiseOctaves * _random.NextGaussian();
            return da <= db ? PitchChoice.A : PitchChoice.B;
        }
    }

    private static double Octaves(PitchMatchTrial t) => Math.Abs(Math.Log2(t.AHz / t.BHz));

    // Every run opens with the full-range bisection: tones a quarter of 6 octaves either side of the centre.
    private static bool IsFirstOfRun(PitchMatchTrial t) => Math.Abs(Octaves(t) - 3) < 1e-3;

    private static (PitchMatchResult Result, List<int> TrialsPerRun) Run(PitchMatch match, Listener listener)
    {
        var perRun = new List<int>();
        while (match.Current is { } trial)
        {
            if (IsFirstOfRun(trial)) perRun.Add(0);
            perRun[^1]++;
            Assert.InRange(trial.AHz, PitchMatch.MinHz, PitchMatch.MaxHz);
            Assert.InRange(trial.BHz, PitchMatch.MinHz, PitchMatch.MaxHz);
            match.Answer(trial.TrialId, listener.Answer(trial));
        }
        return (match.Result!, perRun);
    }

    private static double OctavesFromTinnitus(double hz) => Math.Abs(Math.Log2(hz / TinnitusHz));

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    public void A_consistent_listener_is_matched_within_a_sixth_of_an_octave(ulong seed)
    {
        var (result, perRun) = Run(new PitchMatch(seed), new Listener(seed + 100, noiseOctaves: 0.05));
        Assert.True(OctavesFromTinnitus(result.BestHz) < SixthOctave, $"best {result.BestHz:0} Hz");
        Assert.Equal(3, result.RunEstimatesHz.Count);
        Assert.Equal(3, perRun.Count);
        Assert.All(perRun, n => Assert.InRange(n, 6, 8));
        Assert.Equal(perRun.Sum(), result.Trials);
        Assert.True(result.OctaveChecked);
        Assert.Equal(0, result.OctaveCorrections);
        Assert.True(result.LowHz <= result.BestHz && result.BestHz <= result.HighHz);
        Assert.Equal(result.RunEstimatesHz.Min(), result.LowHz);
        Assert.Equal(result.RunEstimatesHz.Max(), result.HighHz);
        double geometricMean = Math.Pow(2, result.RunEstimatesHz.Average(Math.Log2));
        Assert.Equal(geometricMean, result.BestHz, 6);
    }

    [Fact]
    public void Octave_confusion_is_detected_and_corrected_by_the_check()
    {
        int corrections = 0, wrongWithoutCheck = 0;
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var (checkedResult, _) = Run(new PitchMatch(seed), new Listener(seed, 0.05, confusion: 0.5));
            Assert.True(OctavesFromTinnitus(checkedResult.BestHz) < SixthOctave, $"seed {seed}: best {checkedResult.BestHz:0} Hz");
            Assert.All(checkedResult.RunEstimatesHz, hz => Assert.True(OctavesFromTinnitus(hz) < 0.5, $"seed {seed}: run at {hz:0} Hz"));
            corrections += checkedResult.OctaveCorrections;

            // The same listener without the check ends up an octave high in some runs.
            var (unchecked_, perRun) = Run(new PitchMatch(seed, octaveCheck: false), new Listener(seed, 0.05, confusion: 0.5));
            Assert.False(unchecked_.OctaveChecked);
            Assert.All(perRun, n => Assert.Equal(6, n));
            wrongWithoutCheck += unchecked_.RunEstimatesHz.Count(hz => Math.Abs(Math.Log2(hz / (2 * TinnitusHz))) < 0.5);
        }
        // 60 runs at 50 % confusion: about 30 confused; all corrected with the check.
        Assert.InRange(corrections, 15, 45);
        Assert.InRange(wrongWithoutCheck, 15, 45);
    }

    [Fact]
    public void The_same_seed_and_answers_give_the_same_trials()
    {
        var a = new PitchMatch(42);
        var b = new PitchMatch(42);
        var listener = new Listener(9, 0.05);
        while (a.Current is { } trial)
        {
            Assert.Equal(trial, b.Current);
            var choice = listener.Answer(trial);
            a.Answer(trial.TrialId, choice);
            b.Answer(trial.TrialId, choice);
        }
        Assert.True(b.IsDone);
        Assert.Equal(a.Result!.BestHz, b.Result!.BestHz);
    }

    [Fact]
    public void Wrong_trial_ids_choices_and_answers_after_the_end_are_rejected()
    {
        var match = new PitchMatch(1, runs: 1);
        var trial = match.Current!;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => match.Answer(trial.TrialId + 1, PitchChoice.A));
        Assert.Contains($"trialId must be {trial.TrialId}", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => match.Answer(trial.TrialId, (PitchChoice)7));
        Assert.Equal(0, match.TrialsAnswered);
        while (match.Current is { } t) match.Answer(t.TrialId, PitchChoice.A);
        Assert.Throws<InvalidOperationException>(() => match.Answer(trial.TrialId, PitchChoice.A));
    }

    [Theory]
    [InlineData(0, 6, "runs")]
    [InlineData(6, 6, "runs")]
    [InlineData(3, 5, "bisectionTrials")]
    [InlineData(3, 11, "bisectionTrials")]
    public void Settings_out_of_range_are_rejected(int runs, int bisections, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PitchMatch(1, runs, bisections));
        Assert.Equal(name, e.ParamName);
    }
}
