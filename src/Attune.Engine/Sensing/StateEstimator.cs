namespace Attune.Engine.Sensing;

/// <summary>
/// Fuses physiology, self-report and behaviour into a <see cref="StateEstimate"/>. Three
/// independent scalar Kalman filters (random walks) run on unbounded latent scales: arousal and
/// distress latent = logit(value), valence latent = atanh(value); an estimate maps the latent mean
/// back and reports as SD half the width of the mapped ±1 SD interval. Independent on purpose: a
/// self-report of distress cannot drag the physiological arousal, and vice versa.
/// <list type="bullet">
/// <item>Physiology → arousal: z = mean of (HR − HR₀)/sd_HR and −ln(RMSSD/RMSSD₀)/sd_lnRMSSD,
/// relative to the person's baseline (THERAPY.md; lower HRV under stress: Kim et al. 2018,
/// Psychiatry Investig 15:235); latent measurement = <see cref="StateEstimatorSettings.ArousalPerZ"/>·z, so
/// the baseline maps to 0.5 through the logistic. Innovations beyond the outlier gate are rejected
/// and counted; after several consecutive rejections on the same side the filter re-acquires.
/// Samples without skin contact are ignored and counted.</item>
/// <item>Self-report → distress (distress, annoyance, sensitivity, loudness), arousal (SAM arousal,
/// inverted calm), valence (SAM valence, calm); taken at face value with per-scale noise.</item>
/// <item>Behaviour: a skip or dislike nudges distress up and valence down by a fixed latent step;
/// volume, pause, resume and early stop only mark behaviour as a current source.</item>
/// </list>
/// Inputs must arrive in time order; one older than the last accepted input is ignored and counted
/// in <see cref="OutOfOrderInputs"/> (network reordering is ordinary, not a bug). <see cref="Estimate"/>
/// predicts forward without changing the filter. Add allocates nothing. Not thread-safe.
/// </summary>
public sealed class StateEstimator
{
    private static readonly double LogitPriorSd = Math.Log(3);      // logistic(±ln 3) = 0.25/0.75: StateEstimate.Prior's 0.25
    private static readonly double AtanhPriorSd = Math.Atanh(0.5);  // tanh(±0.549) = ±0.5: StateEstimate.Prior's 0.5

    private readonly StateEstimatorSettings _settings;
    private readonly double _physiologyNoiseVariance;
    private readonly double _hrSd, _lnRmssd0, _lnRmssdSd;
    private LatentDimension _arousal, _valence, _distress;
    private double _time = double.NaN;
    private double _lastHeartRateTime = double.NegativeInfinity, _lastSelfReportTime = double.NegativeInfinity, _lastBehaviourTime = double.NegativeInfinity;
    private double _lastHeartRateBpm;
    private double? _lastRespirationBpm;
    private int _outlierRun; // consecutive rejections, signed by side

    /// <param name="settings">Tuning; null = <see cref="StateEstimatorSettings.Default"/>.</param>
    /// <param name="baseline">The person's resting baseline; null = <see cref="PersonalBaseline.PopulationPrior"/> (wider uncertainty).</param>
    public StateEstimator(StateEstimatorSettings? settings = null, PersonalBaseline? baseline = null)
    {
        _settings = settings ?? StateEstimatorSettings.Default;
        _settings.Validate();
        Baseline = baseline ?? PersonalBaseline.PopulationPrior;
        double noiseSd = _settings.PhysiologyNoiseSd * (Baseline.IsPopulationPrior ? _settings.PopulationPriorNoiseFactor : 1);
        _physiologyNoiseVariance = noiseSd * noiseSd;
        _hrSd = Math.Max(Baseline.HeartRateSdBpm, _settings.MinHeartRateSdBpm);
        if (Baseline.RmssdMeanMs is double r0 && Baseline.RmssdSdMs is double rSd)
        {
            _lnRmssd0 = Math.Log(r0);
            double cv = rSd / r0;
            _lnRmssdSd = Math.Max(Math.Sqrt(Math.Log(1 + cv * cv)), _settings.MinLnRmssdSd); // SD of ln x for a log-normal x
        }
        else
        {
            _lnRmssdSd = double.NaN;
        }
        _arousal = new LatentDimension(LogitPriorSd * LogitPriorSd, _settings.ArousalProcessNoise);
        _distress = new LatentDimension(LogitPriorSd * LogitPriorSd, _settings.DistressProcessNoise);
        _valence = new LatentDimension(AtanhPriorSd * AtanhPriorSd, _settings.ValenceProcessNoise);
    }

    public PersonalBaseline Baseline { get; }

    /// <summary>Session time of the last accepted input; NaN before the first.</summary>
    public double LastUpdateSeconds => _time;

    /// <summary>Physiology samples rejected by the outlier gate.</summary>
    public int OutliersRejected { get; private set; }

    /// <summary>Times a sustained shift beyond the gate made the filter re-acquire the new level.</summary>
    public int Reacquisitions { get; private set; }

    /// <summary>Physiology samples ignored because the strap reported no skin contact.</summary>
    public int ContactLostSamples { get; private set; }

    /// <summary>Inputs ignored because they were older than the last accepted input.</summary>
    public int OutOfOrderInputs { get; private set; }

    public void Add(PhysiologySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!AdvanceTo(sample.TimeSeconds)) return;
        if (sample.Contact == SensorContact.NotDetected)
        {
            ContactLostSamples++;
            return;
        }
        double y = _settings.ArousalPerZ * PhysiologicalZ(sample);
        double noise = _physiologyNoiseVariance;
        if (sample.Contact == SensorContact.NotSupported)
            noise *= _settings.ContactUnknownNoiseFactor * _settings.ContactUnknownNoiseFactor;
        double r = _arousal.NormalisedInnovation(y, noise);
        if (Math.Abs(r) > _settings.OutlierGateSd)
        {
            _outlierRun = Math.Sign(r) == Math.Sign(_outlierRun) ? _outlierRun + Math.Sign(r) : Math.Sign(r);
            if (Math.Abs(_outlierRun) < _settings.ReacquireAfterOutliers)
            {
                OutliersRejected++;
                return;
            }
            // A run of rejections on one side is a real shift, not a spike: forget the old level.
            _arousal.Variance = _arousal.PriorVariance;
            Reacquisitions++;
        }
        _outlierRun = 0;
        _arousal.Update(y, noise);
        _lastHeartRateTime = sample.TimeSeconds;
        _lastHeartRateBpm = sample.HeartRateBpm;
        _lastRespirationBpm = sample.RespirationRateBpm;
    }

    public void Add(SelfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!AdvanceTo(report.TimeSeconds)) return;
        double f = report.Fraction;
        switch (report.Scale)
        {
            case SelfReportScale.SamArousal:
                _arousal.Update(SelfReportModel.Logit(f), Sq(SelfReportModel.SamArousalNoiseSd));
                break;
            case SelfReportScale.SamValence:
                _valence.Update(SelfReportModel.Atanh(2 * f - 1), Sq(SelfReportModel.SamValenceNoiseSd));
                break;
            case SelfReportScale.Calm:
                _arousal.Update(SelfReportModel.Logit(1 - f), Sq(SelfReportModel.CalmArousalNoiseSd));
                _valence.Update(SelfReportModel.Atanh(2 * f - 1), Sq(SelfReportModel.CalmValenceNoiseSd));
                break;
            default:
                _distress.Update(SelfReportModel.Logit(f), Sq(SelfReportModel.DistressNoise(report.Scale)));
                break;
        }
        _lastSelfReportTime = report.TimeSeconds;
    }

    public void Add(BehaviourEvent behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        if (!AdvanceTo(behaviour.TimeSeconds)) return;
        if (behaviour.Kind == BehaviourKind.Skip)
        {
            _distress.Shift(_settings.SkipDistressStep);
            _valence.Shift(-_settings.SkipValenceStep);
        }
        else if (behaviour.Kind == BehaviourKind.Dislike)
        {
            _distress.Shift(_settings.DislikeDistressStep);
            _valence.Shift(-_settings.DislikeValenceStep);
        }
        _lastBehaviourTime = behaviour.TimeSeconds;
    }

    /// <summary>
    /// The state at <paramref name="timeSeconds"/>, predicted forward from the last input (SDs grow,
    /// means stay); the filter itself is not changed. A time before the last input gets the current
    /// posterior (no prediction backwards), labelled with the requested time.
    /// </summary>
    public StateEstimate Estimate(double timeSeconds)
    {
        SensingInputRange.RequireTime(nameof(timeSeconds), timeSeconds);
        double dt = double.IsNaN(_time) ? 0 : Math.Max(0, timeSeconds - _time);
        double arousalSd = Math.Sqrt(_arousal.VarianceAfter(dt));
        double distressSd = Math.Sqrt(_distress.VarianceAfter(dt));
        double valenceSd = Math.Sqrt(_valence.VarianceAfter(dt));

        var sources = StateSources.None;
        bool heartRate = timeSeconds - _lastHeartRateTime <= _settings.HeartRateStaleSeconds;
        if (heartRate) sources |= StateSources.HeartRate;
        if (timeSeconds - _lastSelfReportTime <= _settings.SelfReportStaleSeconds) sources |= StateSources.SelfReport;
        if (timeSeconds - _lastBehaviourTime <= _settings.BehaviourStaleSeconds) sources |= StateSources.Behaviour;

        return new StateEstimate(
            timeSeconds,
            Logistic(_arousal.Mean), HalfWidth(Logistic, _arousal.Mean, arousalSd),
            Math.Tanh(_valence.Mean), HalfWidth(Math.Tanh, _valence.Mean, valenceSd),
            Logistic(_distress.Mean), HalfWidth(Logistic, _distress.Mean, distressSd),
            sources,
            heartRate ? _lastHeartRateBpm : null,
            heartRate ? _lastRespirationBpm : null);
    }

    /// <summary>Combined physiological z-score against the baseline (positive = more aroused).</summary>
    private double PhysiologicalZ(PhysiologySample sample)
    {
        double zHr = (sample.HeartRateBpm - Baseline.HeartRateMeanBpm) / _hrSd;
        if (sample.RmssdMs is not double rmssd || double.IsNaN(_lnRmssdSd)) return zHr;
        double zRmssd = (_lnRmssd0 - Math.Log(rmssd)) / _lnRmssdSd;
        return 0.5 * (zHr + zRmssd);
    }

    private bool AdvanceTo(double t)
    {
        if (double.IsNaN(_time))
        {
            _time = t;
            return true;
        }
        if (t < _time)
        {
            OutOfOrderInputs++;
            return false;
        }
        double dt = t - _time;
        _arousal.Predict(dt);
        _distress.Predict(dt);
        _valence.Predict(dt);
        _time = t;
        return true;
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double HalfWidth(Func<double, double> map, double mean, double sd) => 0.5 * (map(mean + sd) - map(mean - sd));

    private static double Sq(double x) => x * x;
}
