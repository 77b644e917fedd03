using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public partial class StateEstimatorTests
{
    [Fact]
    public void A_strap_without_contact_detection_counts_less_than_one_with_it()
    {
        var detected = new StateEstimator(baseline: RestingBaseline());
        var unknown = new StateEstimator(baseline: RestingBaseline());
        Feed(detected, new SeededRandom(31), 0, 60, _ => 60, _ => 40);
        Feed(unknown, new SeededRandom(31), 0, 60, _ => 60, _ => 40, SensorContact.NotSupported);
        Assert.True(unknown.Estimate(60).ArousalSd > detected.Estimate(60).ArousalSd);
        Assert.Equal(0, unknown.ContactLostSamples);
    }

    [Fact]
    public void Falling_rmssd_alone_raises_arousal_and_samples_without_rmssd_use_heart_rate_only()
    {
        var hrvDrop = new StateEstimator(baseline: RestingBaseline());
        var steady = new StateEstimator(baseline: RestingBaseline());
        var hrOnly = new StateEstimator(baseline: RestingBaseline());
        Feed(hrvDrop, new SeededRandom(35), 0, 120, _ => 60, t => Ramp(t, 0, 60, 40, 20));
        Feed(steady, new SeededRandom(35), 0, 120, _ => 60, _ => 40);
        Feed(hrOnly, new SeededRandom(35), 0, 120, _ => 60, _ => null);
        Assert.True(hrvDrop.Estimate(120).Arousal > 0.65, $"arousal {hrvDrop.Estimate(120).Arousal}");
        Assert.InRange(steady.Estimate(120).Arousal, 0.4, 0.6);
        Assert.InRange(hrOnly.Estimate(120).Arousal, 0.4, 0.6);
    }

    [Fact]
    public void Older_inputs_are_ignored_and_counted()
    {
        var e = new StateEstimator(baseline: RestingBaseline());
        Feed(e, new SeededRandom(32), 0, 60, _ => 60, _ => 40);
        var before = e.Estimate(59);
        e.Add(new PhysiologySample(30, 120, 20, SensorContact.Detected));
        e.Add(new SelfReport(10, SelfReportScale.Distress, 10));
        e.Add(BehaviourEvent.Dislike(5));
        Assert.Equal(3, e.OutOfOrderInputs);
        Assert.Equal(before, e.Estimate(59));
        Assert.Equal(59, e.LastUpdateSeconds);
        e.Add(new SelfReport(59, SelfReportScale.Distress, 2)); // same time is in order
        Assert.Equal(3, e.OutOfOrderInputs);
    }

    [Fact]
    public void Estimate_predicts_without_changing_the_filter()
    {
        var e = new StateEstimator(baseline: RestingBaseline());
        Feed(e, new SeededRandom(33), 0, 60, _ => 65, _ => 36);
        var now = e.Estimate(59);
        var future = e.Estimate(400);
        Assert.True(future.ArousalSd > now.ArousalSd);
        Assert.Equal(now, e.Estimate(59));
        Assert.Equal(now with { TimeSeconds = 10 }, e.Estimate(10)); // no prediction backwards
        Assert.Throws<ArgumentOutOfRangeException>(() => e.Estimate(double.NaN));
    }

    [Fact]
    public void Sources_expire_after_their_staleness_windows()
    {
        var e = new StateEstimator(baseline: RestingBaseline());
        e.Add(new PhysiologySample(0, 64, 40, SensorContact.Detected, 11));
        e.Add(new SelfReport(0, SelfReportScale.Calm, 7));
        e.Add(BehaviourEvent.VolumeChange(0, -3));
        var now = e.Estimate(10);
        Assert.Equal(StateSources.HeartRate | StateSources.SelfReport | StateSources.Behaviour, now.Sources);
        Assert.Equal(64, now.HeartRateBpm);
        Assert.Equal(11, now.RespirationRateBpm);
        Assert.Equal(StateSources.SelfReport | StateSources.Behaviour, e.Estimate(10.5).Sources);
        Assert.Null(e.Estimate(10.5).HeartRateBpm);
        Assert.Equal(StateSources.SelfReport, e.Estimate(301).Sources);
        Assert.Equal(StateSources.None, e.Estimate(601).Sources);
    }

    [Fact]
    public void Skips_and_dislikes_nudge_distress_up_and_valence_down_other_actions_do_not()
    {
        var e = new StateEstimator();
        e.Add(new SelfReport(0, SelfReportScale.SamValence, 5));
        var s0 = e.Estimate(0);
        e.Add(BehaviourEvent.Pause(1));
        e.Add(BehaviourEvent.Resume(2));
        e.Add(BehaviourEvent.VolumeChange(3, 4));
        e.Add(BehaviourEvent.EarlyStop(4));
        var s1 = e.Estimate(4);
        Assert.Equal(s0.Distress, s1.Distress, 12);
        Assert.Equal(s0.Valence, s1.Valence, 12);
        e.Add(BehaviourEvent.Skip(5));
        var s2 = e.Estimate(5);
        e.Add(BehaviourEvent.Dislike(6, SoundClass.PercussiveClicky));
        var s3 = e.Estimate(6);
        Assert.True(s2.Distress > s1.Distress && s3.Distress - s2.Distress > s2.Distress - s1.Distress);
        Assert.True(s2.Valence < s1.Valence && s3.Valence < s2.Valence);
        Assert.True(s3.Distress - s1.Distress < 0.1, "behaviour is small evidence");
        Assert.Equal(StateSources.SelfReport | StateSources.Behaviour, s3.Sources);
    }

    [Fact]
    public void Calm_ratings_lower_arousal_and_raise_valence()
    {
        var e = new StateEstimator();
        e.Add(new SelfReport(0, SelfReportScale.Calm, 9));
        var s = e.Estimate(0);
        Assert.True(s.Arousal < 0.4 && s.Valence > 0.2, $"arousal {s.Arousal}, valence {s.Valence}");
        Assert.True(s.ArousalSd < StateEstimate.Prior().ArousalSd);
    }

    [Theory]
    [InlineData(nameof(StateEstimatorSettings.ArousalProcessNoise), 0.0)]
    [InlineData(nameof(StateEstimatorSettings.PhysiologyNoiseSd), -1.0)]
    [InlineData(nameof(StateEstimatorSettings.ContactUnknownNoiseFactor), 0.5)]
    [InlineData(nameof(StateEstimatorSettings.OutlierGateSd), 1.0)]
    [InlineData(nameof(StateEstimatorSettings.ReacquireAfterOutliers), 0.0)]
    [InlineData(nameof(StateEstimatorSettings.HeartRateStaleSeconds), double.NaN)]
    [InlineData(nameof(StateEstimatorSettings.DislikeDistressStep), 3.0)]
    public void Invalid_settings_throw_naming_the_setting(string field, double value)
    {
        var s = field switch
        {
            nameof(StateEstimatorSettings.ArousalProcessNoise) => new StateEstimatorSettings { ArousalProcessNoise = value },
            nameof(StateEstimatorSettings.PhysiologyNoiseSd) => new StateEstimatorSettings { PhysiologyNoiseSd = value },
            nameof(StateEstimatorSettings.ContactUnknownNoiseFactor) => new StateEstimatorSettings { ContactUnknownNoiseFactor = value },
            nameof(StateEstimatorSettings.OutlierGateSd) => new StateEstimatorSettings { OutlierGateSd = value },
            nameof(StateEstimatorSettings.ReacquireAfterOutliers) => new StateEstimatorSettings { ReacquireAfterOutliers = (int)value },
            nameof(StateEstimatorSettings.HeartRateStaleSeconds) => new StateEstimatorSettings { HeartRateStaleSeconds = value },
            _ => new StateEstimatorSettings { DislikeDistressStep = value },
        };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new StateEstimator(s));
        Assert.Equal(field, ex.ParamName);
    }

    [Fact]
    public void Add_allocates_nothing_in_steady_state()
    {
        var e = new StateEstimator(baseline: RestingBaseline());
        var rng = new SeededRandom(34);
        var samples = new PhysiologySample[2000];
        for (int i = 0; i < samples.Length; i++)
            samples[i] = new PhysiologySample(i, 60 + HrNoise * rng.NextGaussian(), 40 + rng.NextGaussian(), SensorContact.Detected);
        var report = new SelfReport(samples.Length, SelfReportScale.Distress, 4);
        var skip = BehaviourEvent.Skip(samples.Length);
        for (int i = 0; i < 100; i++) e.Add(samples[i]);
        Assert.Equal(0, Allocation.LeastOfTwo(() =>
        {
            for (int i = 100; i < samples.Length; i++) e.Add(samples[i]);
            e.Add(report);
            e.Add(skip);
        }));
    }
}
