namespace Attune.Engine.Sensing;

/// <summary>
/// One scalar Kalman filter on an unbounded latent scale: a random walk whose variance grows by
/// <see cref="ProcessNoise"/> per second, capped at the prior variance (a bounded quantity cannot
/// become more uncertain than knowing nothing).
/// </summary>
internal struct LatentDimension(double priorVariance, double processNoise)
{
    public double Mean;
    public double Variance = priorVariance;
    public readonly double PriorVariance = priorVariance;
    public readonly double ProcessNoise = processNoise;

    public readonly double VarianceAfter(double seconds) => Math.Min(Variance + ProcessNoise * seconds, PriorVariance);

    public void Predict(double seconds) => Variance = VarianceAfter(seconds);

    /// <summary>Innovation divided by its standard deviation, for gating.</summary>
    public readonly double NormalisedInnovation(double measurement, double noiseVariance) =>
        (measurement - Mean) / Math.Sqrt(Variance + noiseVariance);

    public void Update(double measurement, double noiseVariance)
    {
        double gain = Variance / (Variance + noiseVariance);
        Mean += gain * (measurement - Mean);
        Variance *= 1 - gain;
    }

    public void Shift(double delta) => Mean += delta;
}
