namespace Attune.Engine.Sensing;

/// <summary>
/// Tuning of <see cref="StateEstimator"/>. Noise figures are on the latent scales: arousal and
/// distress latent = logit(value) (0 ↔ 0.5, ±1.1 ↔ 0.25/0.75), valence latent = atanh(value).
/// Defaults are engineering choices, exposed as settings (THERAPY.md gives no figures for them).
/// </summary>
public sealed record StateEstimatorSettings
{
    public static StateEstimatorSettings Default { get; } = new();

    /// <summary>Random-walk variance added to latent arousal per second (≈ 0.045 → 0.17 output SD in 2 min without data).</summary>
    public double ArousalProcessNoise { get; init; } = 0.004;

    /// <summary>Random-walk variance added to latent valence per second (reaches the prior SD in ≈ 10 min).</summary>
    public double ValenceProcessNoise { get; init; } = 0.0005;

    /// <summary>Random-walk variance added to latent distress per second (reaches the prior SD in ≈ 15 min).</summary>
    public double DistressProcessNoise { get; init; } = 0.0013;

    /// <summary>SD of one physiology sample as a measurement of latent arousal (model error, not only sensor noise).</summary>
    public double PhysiologyNoiseSd { get; init; } = 0.5;

    /// <summary>Physiology noise multiplier when the strap cannot report skin contact.</summary>
    public double ContactUnknownNoiseFactor { get; init; } = 1.5;

    /// <summary>Physiology noise multiplier when the baseline is the population prior, not the person's.</summary>
    public double PopulationPriorNoiseFactor { get; init; } = 1.5;

    /// <summary>Latent arousal per unit of the combined physiological z-score (+4 z → 0.88 arousal).</summary>
    public double ArousalPerZ { get; init; } = 0.5;

    /// <summary>Floor on the baseline HR SD: a calm 1-Hz trace varies by less than arousal changes matter.</summary>
    public double MinHeartRateSdBpm { get; init; } = 5;

    /// <summary>Floor on the baseline SD of ln(RMSSD) (≈ 20 % coefficient of variation).</summary>
    public double MinLnRmssdSd { get; init; } = 0.2;

    /// <summary>Physiology innovations beyond this many SDs are rejected and counted.</summary>
    public double OutlierGateSd { get; init; } = 3;

    /// <summary>After this many consecutive rejections on the same side the level has really shifted: the filter re-acquires.</summary>
    public int ReacquireAfterOutliers { get; init; } = 5;

    /// <summary>Heart rate counts as a current source for this long after its last accepted sample.</summary>
    public double HeartRateStaleSeconds { get; init; } = 10;

    public double SelfReportStaleSeconds { get; init; } = 600;

    public double BehaviourStaleSeconds { get; init; } = 300;

    /// <summary>Latent distress added by a skip (≈ +0.025 at 0.5); valence loses <see cref="SkipValenceStep"/>.</summary>
    public double SkipDistressStep { get; init; } = 0.1;

    public double SkipValenceStep { get; init; } = 0.05;

    /// <summary>Latent distress added by a dislike (≈ +0.05 at 0.5); valence loses <see cref="DislikeValenceStep"/>.</summary>
    public double DislikeDistressStep { get; init; } = 0.2;

    public double DislikeValenceStep { get; init; } = 0.1;

    internal void Validate()
    {
        SensingInputRange.RequirePositive(nameof(ArousalProcessNoise), ArousalProcessNoise, 1, "latent²/s");
        SensingInputRange.RequirePositive(nameof(ValenceProcessNoise), ValenceProcessNoise, 1, "latent²/s");
        SensingInputRange.RequirePositive(nameof(DistressProcessNoise), DistressProcessNoise, 1, "latent²/s");
        SensingInputRange.RequirePositive(nameof(PhysiologyNoiseSd), PhysiologyNoiseSd, 10, "latent");
        SensingInputRange.Require(nameof(ContactUnknownNoiseFactor), ContactUnknownNoiseFactor, 1, 10, "×");
        SensingInputRange.Require(nameof(PopulationPriorNoiseFactor), PopulationPriorNoiseFactor, 1, 10, "×");
        SensingInputRange.RequirePositive(nameof(ArousalPerZ), ArousalPerZ, 5, "latent per z");
        SensingInputRange.RequirePositive(nameof(MinHeartRateSdBpm), MinHeartRateSdBpm, 50, "bpm");
        SensingInputRange.RequirePositive(nameof(MinLnRmssdSd), MinLnRmssdSd, 5, "ln units");
        SensingInputRange.Require(nameof(OutlierGateSd), OutlierGateSd, 1.5, 20, "SD");
        SensingInputRange.Require(nameof(ReacquireAfterOutliers), ReacquireAfterOutliers, 1, 1000, "samples");
        SensingInputRange.RequirePositive(nameof(HeartRateStaleSeconds), HeartRateStaleSeconds, 3600, "s");
        SensingInputRange.RequirePositive(nameof(SelfReportStaleSeconds), SelfReportStaleSeconds, 86_400, "s");
        SensingInputRange.RequirePositive(nameof(BehaviourStaleSeconds), BehaviourStaleSeconds, 86_400, "s");
        SensingInputRange.Require(nameof(SkipDistressStep), SkipDistressStep, 0, 2, "latent");
        SensingInputRange.Require(nameof(SkipValenceStep), SkipValenceStep, 0, 2, "latent");
        SensingInputRange.Require(nameof(DislikeDistressStep), DislikeDistressStep, 0, 2, "latent");
        SensingInputRange.Require(nameof(DislikeValenceStep), DislikeValenceStep, 0, 2, "latent");
    }
}
