using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

/// <summary>Simulated sessions: 1 Hz samples, HR noise 2 bpm, sliding-RMSSD noise 2 ms, seeded.</summary>
public partial class StateEstimatorTests
{
    private const double HrNoise = 2, RmssdNoise = 2;

    // A person resting at 60 bpm, RMSSD 40 ms: the baseline fitted from 120 s of simulated rest.
    private static PersonalBaseline RestingBaseline(ulong seed = 11)
    {
        var rng = new SeededRandom(seed);
        var rest = new List<PhysiologySample>();
        for (int t = 0; t <= 120; t++)
            rest.Add(new PhysiologySample(t, 60 + HrNoise * rng.NextGaussian(), 40 + RmssdNoise * rng.NextGaussian(), SensorContact.Detected));
        return PersonalBaseline.Fit(rest);
    }

    private static void Feed(StateEstimator e, SeededRandom rng, int from, int to, Func<double, double> hr, Func<double, double?> rmssd,
        SensorContact contact = SensorContact.Detected)
    {
        for (int t = from; t < to; t++)
        {
            double? r = rmssd(t) is double m ? Math.Max(5, m + RmssdNoise * rng.NextGaussian()) : null;
            e.Add(new PhysiologySample(t, hr(t) + HrNoise * rng.NextGaussian(), r, contact));
        }
    }

    private static double Ramp(double t, double t0, double t1, double a, double b) =>
        t <= t0 ? a : t >= t1 ? b : a + (b - a) * (t - t0) / (t1 - t0);

    [Fact]
    public void Before_any_input_the_estimate_is_the_prior()
    {
        var e = new StateEstimator().Estimate(7);
        var p = StateEstimate.Prior(7);
        Assert.Equal(p.Arousal, e.Arousal, 12);
        Assert.Equal(p.ArousalSd, e.ArousalSd, 12);
        Assert.Equal(p.Valence, e.Valence, 12);
        Assert.Equal(p.ValenceSd, e.ValenceSd, 12);
        Assert.Equal(p.Distress, e.Distress, 12);
        Assert.Equal(p.DistressSd, e.DistressSd, 12);
        Assert.Equal(StateSources.None, e.Sources);
        Assert.Null(e.HeartRateBpm);
    }

    [Fact]
    public void Rising_stress_raises_arousal_clearly()
    {
        var e = new StateEstimator(baseline: RestingBaseline());
        var rng = new SeededRandom(21);
        Feed(e, rng, 0, 120, _ => 60, _ => 40);
        var rest = e.Estimate(120);
        // HR +20 bpm and RMSSD 40 → 25 ms over one minute, then held.
        Feed(e, rng, 120, 240, t => Ramp(t, 120, 180, 60, 80), t => Ramp(t, 120, 180, 40, 25));
        var stressed = e.Estimate(240);
        Assert.InRange(rest.Arousal, 0.4, 0.6);
        Assert.True(stressed.Arousal > 0.8, $"arousal {stressed.Arousal}");
        Assert.True(stressed.ArousalSd < 0.08, $"sd {stressed.ArousalSd}");
        Assert.Equal(StateSources.HeartRate, stressed.Sources);
        Assert.Equal(0, e.OutliersRejected);
    }

    [Fact]
    public void Calming_lowers_arousal()
    {
        var e = new StateEstimator(baseline: RestingBaseline());
        var rng = new SeededRandom(22);
        Feed(e, rng, 0, 60, _ => 82, _ => 26);
        var tense = e.Estimate(60);
        Feed(e, rng, 60, 240, t => Ramp(t, 60, 180, 82, 56), t => Ramp(t, 60, 180, 26, 46));
        var calm = e.Estimate(240);
        Assert.True(tense.Arousal > 0.8, $"tense {tense.Arousal}");
        Assert.True(calm.Arousal < 0.45, $"calm {calm.Arousal}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void During_a_sensor_dropout_the_sd_widens_monotonically_and_the_mean_stays(bool contactLostSamples)
    {
        var e = new StateEstimator(baseline: RestingBaseline());
        var rng = new SeededRandom(23);
        Feed(e, rng, 0, 180, t => Ramp(t, 60, 120, 60, 72), _ => 35);
        var start = e.Estimate(179);
        double previousSd = start.ArousalSd;
        for (int t = 180; t <= 300; t++)
        {
            if (contactLostSamples)
                e.Add(new PhysiologySample(t, 60 + 30 * rng.NextDouble(), 40, SensorContact.NotDetected));
            if (t % 5 != 0) continue;
            var s = e.Estimate(t);
            Assert.True(s.ArousalSd > previousSd, $"sd at {t} s: {s.ArousalSd} ≤ {previousSd}");
            Assert.Equal(start.Arousal, s.Arousal, 12);
            previousSd = s.ArousalSd;
        }
        var end = e.Estimate(300);
        Assert.True(end.ArousalSd > 2.5 * start.ArousalSd, $"sd {start.ArousalSd} → {end.ArousalSd}");
        Assert.Equal(StateSources.None, end.Sources);
        Assert.Null(end.HeartRateBpm);
        Assert.Equal(contactLostSamples ? 121 : 0, e.ContactLostSamples);
    }

    [Fact]
    public void A_conflicting_self_report_raises_distress_but_leaves_physiological_arousal()
    {
        var e = new StateEstimator(baseline: RestingBaseline());
        var rng = new SeededRandom(24);
        Feed(e, rng, 0, 120, _ => 60, _ => 40);
        var before = e.Estimate(120);
        e.Add(new SelfReport(120, SelfReportScale.Distress, 9));
        var after = e.Estimate(120);
        Assert.True(after.Distress > 0.8, $"distress {after.Distress}");
        Assert.Equal(before.Arousal, after.Arousal, 12);
        // One report does not make distress certain: its SD stays above the physiology-backed arousal SD.
        Assert.True(after.DistressSd > 0.05 && after.DistressSd > after.ArousalSd, $"distress sd {after.DistressSd}, arousal sd {after.ArousalSd}");
        Feed(e, rng, 121, 180, _ => 60, _ => 40);
        var later = e.Estimate(180);
        Assert.InRange(later.Arousal, 0.4, 0.6);
        Assert.True(later.Distress > 0.8);
        Assert.Equal(StateSources.HeartRate | StateSources.SelfReport, later.Sources);
    }

    [Fact]
    public void A_single_heart_rate_spike_barely_moves_arousal_but_a_sustained_rise_does()
    {
        // Same seed: the runs differ only by +40 bpm from 150 s on, for one sample or for good.
        static StateEstimator Run(int spikeSeconds, int until, double gate = 3)
        {
            var e = new StateEstimator(new StateEstimatorSettings { OutlierGateSd = gate }, RestingBaseline());
            Feed(e, new SeededRandom(25), 0, until, t => 60 + (t >= 150 && t < 150 + spikeSeconds ? 40 : 0), _ => 40);
            return e;
        }
        double clean = Run(0, 152).Estimate(151).Arousal;
        var spiked = Run(1, 152);
        double spikeMove = spiked.Estimate(151).Arousal - clean;
        double ungatedMove = Run(1, 152, gate: 20).Estimate(151).Arousal - clean;
        Assert.True(Math.Abs(spikeMove) < 0.01, $"single spike moved arousal by {spikeMove}");
        Assert.True(ungatedMove > 0.02, $"without the gate the spike moves arousal by {ungatedMove}");
        Assert.Equal(Run(0, 152).OutliersRejected + 1, spiked.OutliersRejected);

        var sustained = Run(90, 170);
        Assert.True(sustained.Estimate(169).Arousal - Run(0, 170).Estimate(169).Arousal > 0.3);
        Assert.Equal(1, sustained.Reacquisitions);
    }

    [Fact]
    public void Self_report_alone_works_with_a_wider_sd_than_with_physiology()
    {
        var reportsOnly = new StateEstimator(baseline: RestingBaseline());
        var withPhysiology = new StateEstimator(baseline: RestingBaseline());
        var rng = new SeededRandom(26);
        for (int t = 0; t <= 600; t += 120)
        {
            foreach (var e in new[] { reportsOnly, withPhysiology })
            {
                e.Add(new SelfReport(t, SelfReportScale.SamArousal, 8));
                e.Add(new SelfReport(t, SelfReportScale.SamValence, 3));
            }
            Feed(withPhysiology, rng, t + 1, t + 120, _ => 76, _ => 28);
        }
        var a = reportsOnly.Estimate(660);
        var b = withPhysiology.Estimate(660);
        Assert.True(a.Arousal > 0.65, $"arousal {a.Arousal}");
        Assert.True(a.Valence < -0.3, $"valence {a.Valence}");
        Assert.Equal(StateSources.SelfReport, a.Sources);
        Assert.True(a.ArousalSd > 2 * b.ArousalSd, $"reports only {a.ArousalSd}, with physiology {b.ArousalSd}");
    }

    [Theory]
    [InlineData(60, 0.75, 1.0)]
    [InlineData(90, 0.0, 0.35)]
    public void The_same_heart_rate_is_judged_against_the_persons_baseline(double baselineBpm, double min, double max)
    {
        var e = new StateEstimator(baseline: new PersonalBaseline(baselineBpm, 3));
        Feed(e, new SeededRandom(27), 0, 90, _ => 80, _ => null);
        double arousal = e.Estimate(90).Arousal;
        Assert.InRange(arousal, min, max);
    }

    [Fact]
    public void Without_a_personal_baseline_the_population_prior_gives_wider_uncertainty()
    {
        var prior = new StateEstimator();
        var personal = new StateEstimator(baseline: new PersonalBaseline(70, 3, 42, 5));
        Assert.True(prior.Baseline.IsPopulationPrior);
        var rng = new SeededRandom(28);
        Feed(prior, rng, 0, 120, _ => 80, _ => 30);
        Feed(personal, new SeededRandom(28), 0, 120, _ => 80, _ => 30);
        Assert.True(prior.Estimate(120).ArousalSd > personal.Estimate(120).ArousalSd);
        Assert.True(prior.Estimate(120).Arousal < personal.Estimate(120).Arousal, "between-person SDs make the same deviation count less");
        Assert.True(prior.Estimate(120).Arousal > 0.5);
    }
}
