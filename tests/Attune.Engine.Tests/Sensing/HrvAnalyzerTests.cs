using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class HrvAnalyzerTests
{
    [Fact]
    public void Time_domain_values_match_a_hand_computation()
    {
        // NN = 800, 810, 790, 850, 780: sum 4030, mean 806 ms, mean HR 60000/806 = 74.4417 bpm.
        // Deviations −6, 4, −16, 44, −26 → squares 36+16+256+1936+676 = 2920; SDNN = √(2920/4) = √730 = 27.0185 ms.
        // Successive differences 10, −20, 60, −70 → squares 100+400+3600+4900 = 9000; RMSSD = √(9000/4) = √2250 = 47.4342 ms.
        // |60| and |70| exceed 50 ms → pNN50 = 2/4 = 50 %.
        var r = HrvAnalyzer.Analyze([800, 810, 790, 850, 780]);
        Assert.Equal(806, r.MeanNnMs, 9);
        Assert.Equal(74.4417, r.MeanHeartRateBpm, 4);
        Assert.Equal(27.0185, r.SdnnMs!.Value, 4);
        Assert.Equal(47.4342, r.RmssdMs!.Value, 4);
        Assert.Equal(50, r.Pnn50Percent!.Value, 9);
        Assert.Equal(4.03, r.DurationSeconds, 9);
    }

    [Fact]
    public void Exactly_50_ms_differences_do_not_count_toward_pNN50()
    {
        var r = HrvAnalyzer.Analyze([800, 850, 800, 851]);
        Assert.Equal(100.0 / 3, r.Pnn50Percent!.Value, 9);
    }

    [Fact]
    public void Lf_and_hf_power_recover_known_sinusoid_amplitudes_within_15_percent()
    {
        // A sinusoid of amplitude A has power A²/2: LF = 40²/2 = 800 ms², HF = 30²/2 = 450 ms².
        var nn = SyntheticRr.Generate(300, 1000, 40, 0.1, 30, 0.25);
        var r = HrvAnalyzer.Analyze(nn);
        Assert.InRange(r.LfMs2!.Value, 800 * 0.85, 800 * 1.15);
        Assert.InRange(r.HfMs2!.Value, 450 * 0.85, 450 * 1.15);
        Assert.InRange(r.LfHfRatio!.Value, 800.0 / 450 * 0.8, 800.0 / 450 * 1.2);
        Assert.Empty(r.Notes);
    }

    [Fact]
    public void Power_follows_the_band_a_component_lies_in()
    {
        var onlyHf = HrvAnalyzer.Analyze(SyntheticRr.Generate(300, 1000, 0, 0.1, 30, 0.3));
        Assert.InRange(onlyHf.HfMs2!.Value, 450 * 0.85, 450 * 1.15);
        Assert.True(onlyHf.LfMs2!.Value < 0.05 * 450, $"LF {onlyHf.LfMs2} should be near 0");
        var onlyLf = HrvAnalyzer.Analyze(SyntheticRr.Generate(300, 1000, 30, 0.08, 0, 0.25));
        Assert.InRange(onlyLf.LfMs2!.Value, 450 * 0.85, 450 * 1.15);
        Assert.True(onlyLf.HfMs2!.Value < 0.05 * 450, $"HF {onlyLf.HfMs2} should be near 0");
    }

    [Fact]
    public void A_95_second_series_has_hf_but_no_lf_or_lf_hf_and_says_why()
    {
        var nn = SyntheticRr.Generate(95, 1000, 40, 0.1, 30, 0.25);
        var r = HrvAnalyzer.Analyze(nn);
        Assert.NotNull(r.HfMs2);
        Assert.Null(r.LfMs2);
        Assert.Null(r.LfHfRatio);
        Assert.Contains(r.Notes, n => n.StartsWith("lf_ms2: needs ≥ 120 s of RR data, got 9", StringComparison.Ordinal));
        Assert.Contains(r.Notes, n => n.StartsWith("lf_hf: needs ≥ 300 s", StringComparison.Ordinal));
    }

    [Fact]
    public void A_four_minute_series_has_lf_and_hf_but_no_ratio()
    {
        var r = HrvAnalyzer.Analyze(SyntheticRr.Generate(240, 1000, 40, 0.1, 30, 0.25));
        Assert.InRange(r.LfMs2!.Value, 800 * 0.85, 800 * 1.15);
        Assert.Null(r.LfHfRatio);
        Assert.Single(r.Notes, n => n.StartsWith("lf_hf:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_few_beats_give_time_domain_only_with_a_note_per_missing_metric()
    {
        var r = HrvAnalyzer.Analyze([800, 810, 790, 850, 780], correctedBeats: 2);
        Assert.Null(r.HfMs2);
        Assert.Null(r.RespirationRateBpm);
        Assert.Equal(2, r.CorrectedBeats);
        foreach (string key in new[] { "hf_ms2", "lf_ms2", "lf_hf", "resp_rate_bpm" })
            Assert.Contains(r.Notes, n => n.StartsWith(key + ": needs", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_beats_have_no_sdnn_and_bad_input_is_rejected()
    {
        var r = HrvAnalyzer.Analyze([800, 820]);
        Assert.Null(r.SdnnMs);
        Assert.Contains(r.Notes, n => n.StartsWith("sdnn_ms: needs ≥ 3", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => HrvAnalyzer.Analyze([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HrvAnalyzer.Analyze([800, double.NaN]));
    }

    [Fact]
    public void Heart_rate_samples_report_only_mean_rate()
    {
        var r = HrvAnalyzer.AnalyzeHeartRateSamples([1000, 1000, 750, 750]);
        Assert.Equal(875, r.MeanNnMs, 9);
        Assert.Equal(60000.0 / 875, r.MeanHeartRateBpm, 9);
        Assert.Null(r.RmssdMs);
        Assert.Null(r.LfMs2);
        Assert.Equal(7, r.Notes.Count);
        Assert.All(r.Notes, n => Assert.Contains("heart-rate samples", n));
    }
}
