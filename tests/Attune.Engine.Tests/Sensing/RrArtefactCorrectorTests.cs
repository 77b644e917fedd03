using Attune.Engine.Sensing;
using CsCheck;

namespace Attune.Engine.Tests.Sensing;

public class RrArtefactCorrectorTests
{
    // Corrected values must come within this distance of the clean series. The injected errors are ≥ 250 ms; the
    // clean series (900 ms ± 25 ms at 0.1 Hz ± 12 ms at 0.25 Hz ± 4 ms noise) changes by up to ≈ 25 ms per beat, and
    // interpolating across a removed pair cannot follow a 0.25 Hz RSA cycle (≈ 4.4 beats) exactly.
    private const double ToleranceMs = 25;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void A_clean_realistic_series_is_left_unchanged(ulong seed)
    {
        var rr = SyntheticRr.Realistic(300, seed);
        var c = RrArtefactCorrector.Correct(rr);
        Assert.Equal(0, c.CorrectedBeats);
        Assert.Equal(rr, c.CorrectedMs);
    }

    [Fact]
    public void A_missed_beat_is_detected_and_split_into_halves()
    {
        var truth = SyntheticRr.Realistic(300, seed: 11);
        var rr = new List<double>(truth);
        rr[100] += rr[101]; // the detector missed beat 101: two intervals merged
        rr.RemoveAt(101);
        var c = RrArtefactCorrector.Correct(rr);
        Assert.Equal((1, 0, 0, 0, 0), (c.Missed, c.Extra, c.Ectopic, c.LongShort, c.OutOfRange));
        Assert.Equal(1, c.CorrectedBeats);
        AssertCloseTo(truth, c.CorrectedMs);
    }

    [Fact]
    public void An_extra_beat_is_detected_and_merged()
    {
        var truth = SyntheticRr.Realistic(300, seed: 12);
        var rr = new List<double>(truth);
        double whole = rr[150];
        rr[150] = 0.35 * whole; // a spurious detection (e.g. a T wave) splits one interval
        rr.Insert(151, 0.65 * whole);
        var c = RrArtefactCorrector.Correct(rr);
        Assert.Equal((0, 1, 0, 0, 0), (c.Missed, c.Extra, c.Ectopic, c.LongShort, c.OutOfRange));
        AssertCloseTo(truth, c.CorrectedMs);
        Assert.Equal(whole, c.CorrectedMs[150], 9);
    }

    [Fact]
    public void An_ectopic_short_then_long_pair_is_detected_and_interpolated()
    {
        var truth = SyntheticRr.Realistic(300, seed: 13);
        var rr = new List<double>(truth);
        rr[200] -= 280; // premature beat …
        rr[201] += 280; // … and its compensatory pause
        var c = RrArtefactCorrector.Correct(rr);
        Assert.Equal((0, 0, 1, 0, 0), (c.Missed, c.Extra, c.Ectopic, c.LongShort, c.OutOfRange));
        AssertCloseTo(truth, c.CorrectedMs);
    }

    [Theory]
    [InlineData(-280, 150)] // premature beat without a full compensatory pause: the pair is interpolated
    [InlineData(260, -260)] // long then short (PNP)
    public void Uncompensated_and_long_short_ectopic_pairs_are_detected(double first, double second)
    {
        var truth = SyntheticRr.Realistic(300, seed: 17);
        var rr = new List<double>(truth);
        rr[140] += first;
        rr[141] += second;
        var c = RrArtefactCorrector.Correct(rr);
        Assert.Equal((0, 0, 1, 0, 0), (c.Missed, c.Extra, c.Ectopic, c.LongShort, c.OutOfRange));
        AssertCloseTo(truth, c.CorrectedMs);
    }

    [Fact]
    public void Any_input_gives_finite_output_whose_length_follows_the_split_and_merge_counts()
    {
        Gen.Double[100, 3500].Array[0, 400].Sample(rr =>
        {
            var c = RrArtefactCorrector.Correct(rr);
            foreach (double v in c.CorrectedMs) Assert.True(double.IsFinite(v) && v > 0, $"{v}");
            int inRange = Array.FindAll(rr, v => v >= 300 && v <= 2000).Length;
            int expected = inRange == 0 ? 0 : rr.Length + c.Missed - c.Extra;
            Assert.Equal(expected, c.CorrectedMs.Count);
            Assert.Equal(rr.Length - inRange, c.OutOfRange);
        }, iter: 300);
    }

    [Fact]
    public void A_lone_long_interval_is_interpolated_as_long_short()
    {
        var truth = SyntheticRr.Realistic(300, seed: 14);
        var rr = new List<double>(truth);
        rr[120] += 350;
        var c = RrArtefactCorrector.Correct(rr);
        Assert.Equal((0, 0, 0, 1, 0), (c.Missed, c.Extra, c.Ectopic, c.LongShort, c.OutOfRange));
        AssertCloseTo(truth, c.CorrectedMs);
    }

    [Fact]
    public void Out_of_range_values_are_replaced_and_counted()
    {
        var truth = SyntheticRr.Realistic(120, seed: 15);
        var rr = new List<double>(truth) { [40] = 2600, [80] = 250 };
        var c = RrArtefactCorrector.Correct(rr);
        Assert.Equal(2, c.OutOfRange);
        Assert.Equal(2, c.CorrectedBeats);
        AssertCloseTo(truth, c.CorrectedMs);
    }

    [Fact]
    public void Several_artefacts_in_one_series_are_all_found_and_hrv_comes_back_close_to_the_truth()
    {
        var truth = SyntheticRr.Realistic(300, seed: 16);
        var rr = new List<double>(truth);
        rr[250] -= 300;
        rr[251] += 300;
        double whole = rr[180];
        rr[180] = 0.4 * whole;
        rr.Insert(181, 0.6 * whole);
        rr[60] += rr[61];
        rr.RemoveAt(61);
        var c = RrArtefactCorrector.Correct(rr);
        Assert.Equal((1, 1, 1, 0, 0), (c.Missed, c.Extra, c.Ectopic, c.LongShort, c.OutOfRange));
        AssertCloseTo(truth, c.CorrectedMs);
        double rawRmssd = HrvAnalyzer.Analyze(rr).RmssdMs!.Value;
        double trueRmssd = HrvAnalyzer.Analyze(truth).RmssdMs!.Value;
        double fixedRmssd = HrvAnalyzer.Analyze(c.CorrectedMs).RmssdMs!.Value;
        Assert.True(rawRmssd > 2 * trueRmssd, $"artefacts should inflate RMSSD ({rawRmssd} vs {trueRmssd})");
        Assert.InRange(fixedRmssd, trueRmssd * 0.9, trueRmssd * 1.1);
    }

    [Fact]
    public void Short_and_empty_series_pass_through()
    {
        Assert.Empty(RrArtefactCorrector.Correct([]).CorrectedMs);
        Assert.Equal([800.0, 820.0], RrArtefactCorrector.Correct([800, 820]).CorrectedMs);
        var allBad = RrArtefactCorrector.Correct([100, 5000, 150]);
        Assert.Empty(allBad.CorrectedMs);
        Assert.Equal(3, allBad.OutOfRange);
    }

    private static void AssertCloseTo(List<double> truth, IReadOnlyList<double> corrected)
    {
        Assert.Equal(truth.Count, corrected.Count);
        for (int i = 0; i < truth.Count; i++)
            Assert.True(Math.Abs(truth[i] - corrected[i]) <= ToleranceMs, $"beat {i}: corrected {corrected[i]:F1} ms, truth {truth[i]:F1} ms");
    }
}
