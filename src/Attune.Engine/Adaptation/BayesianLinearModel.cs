namespace Attune.Engine.Adaptation;

/// <summary>
/// Bayesian linear regression r = w·x + ε, ε ~ N(0, σ²) with σ² known, prior w ~ N(μ₀, Λ₀⁻¹).
/// The posterior stays Normal (conjugate): Λ' = Λ + x xᵀ/σ², μ' = Λ'⁻¹(Λμ + x r/σ²)
/// (Bishop 2006, PRML §3.3.1). The state is exactly (μ, Λ), so a serialised model resumes bit for bit.
/// </summary>
/// <remarks>
/// Known noise variance keeps the update closed-form and cheap (d ≤ ~16): Agrawal &amp; Goyal 2013
/// ("Thompson Sampling for Contextual Bandits with Linear Payoffs", ICML) analyse exactly this
/// Gaussian model; Russo et al. 2018 ("A Tutorial on Thompson Sampling", §7) discuss the choice.
/// </remarks>
public sealed class BayesianLinearModel
{
    private readonly double[] _mean;
    private readonly double[,] _precision;
    private double[,]? _cholesky; // lower factor of the precision, rebuilt after an update

    /// <summary>A model with prior mean <paramref name="mean"/> and prior precision (inverse covariance) <paramref name="precision"/>.</summary>
    public BayesianLinearModel(ReadOnlySpan<double> mean, double[,] precision, double noiseVariance)
    {
        ArgumentNullException.ThrowIfNull(precision);
        int d = mean.Length;
        if (d < 1 || d > MaxDimension)
            throw new ArgumentOutOfRangeException(nameof(mean), d, $"mean must have 1–{MaxDimension} elements");
        if (precision.GetLength(0) != d || precision.GetLength(1) != d)
            throw new ArgumentException($"precision must be {d}×{d} to match mean", nameof(precision));
        if (!(noiseVariance > 0 && double.IsFinite(noiseVariance)))
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance, "noiseVariance must be finite and > 0");
        for (int i = 0; i < d; i++)
        {
            if (!double.IsFinite(mean[i]))
                throw new ArgumentException($"mean[{i}] must be finite", nameof(mean));
            for (int j = 0; j < d; j++)
            {
                if (!double.IsFinite(precision[i, j]))
                    throw new ArgumentException($"precision[{i},{j}] must be finite", nameof(precision));
                if (precision[i, j] != precision[j, i])
                    throw new ArgumentException($"precision must be symmetric; [{i},{j}] ≠ [{j},{i}]", nameof(precision));
            }
        }
        _mean = mean.ToArray();
        _precision = (double[,])precision.Clone();
        NoiseVariance = noiseVariance;
        _cholesky = Cholesky(_precision) ?? throw new ArgumentException("precision must be positive definite", nameof(precision));
    }

    /// <summary>Largest supported number of features.</summary>
    public const int MaxDimension = 64;

    /// <summary>Prior w ~ N(0, priorVariance·I).</summary>
    public static BayesianLinearModel Isotropic(int dimension, double priorVariance, double noiseVariance)
    {
        if (dimension < 1 || dimension > MaxDimension)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension must be 1–{MaxDimension}");
        if (!(priorVariance > 0 && double.IsFinite(priorVariance)))
            throw new ArgumentOutOfRangeException(nameof(priorVariance), priorVariance, "priorVariance must be finite and > 0");
        var precision = new double[dimension, dimension];
        for (int i = 0; i < dimension; i++) precision[i, i] = 1 / priorVariance;
        return new BayesianLinearModel(new double[dimension], precision, noiseVariance);
    }

    /// <summary>A model with prior w ~ N(<paramref name="mean"/>, <paramref name="covariance"/>).</summary>
    public static BayesianLinearModel FromCovariance(ReadOnlySpan<double> mean, double[,] covariance, double noiseVariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        return new BayesianLinearModel(mean, Symmetrise(Invert(covariance, nameof(covariance))), noiseVariance);
    }

    public int Dimension => _mean.Length;

    /// <summary>Observation noise variance σ² of the reward.</summary>
    public double NoiseVariance { get; }

    /// <summary>Posterior mean μ.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>A copy of the posterior precision Λ (inverse covariance).</summary>
    public double[,] Precision => (double[,])_precision.Clone();

    /// <summary>A copy of the posterior covariance Λ⁻¹.</summary>
    public double[,] Covariance => Symmetrise(Invert(_precision, nameof(Precision)));

    /// <summary>Adds one observation (x, r) to the posterior.</summary>
    public void Update(ReadOnlySpan<double> x, double reward)
    {
        RequireFeatures(x);
        if (!double.IsFinite(reward)) throw new ArgumentOutOfRangeException(nameof(reward), reward, "reward must be finite");
        int d = Dimension;
        // b = Λμ + x r/σ² with the old Λ, then Λ += x xᵀ/σ², then μ = Λ⁻¹ b.
        var b = new double[d];
        for (int i = 0; i < d; i++)
        {
            double s = 0;
            for (int j = 0; j < d; j++) s += _precision[i, j] * _mean[j];
            b[i] = s + x[i] * reward / NoiseVariance;
        }
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                _precision[i, j] += x[i] * x[j] / NoiseVariance;
        _cholesky = Cholesky(_precision) ?? throw new InvalidOperationException("posterior precision lost positive definiteness");
        Solve(_cholesky, b, _mean);
    }

    /// <summary>Posterior mean prediction μ·x.</summary>
    public double Predict(ReadOnlySpan<double> x)
    {
        RequireFeatures(x);
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += _mean[i] * x[i];
        return s;
    }

    /// <summary>Draws w ~ N(μ, Λ⁻¹) into <paramref name="weights"/>: w = μ + L⁻ᵀz with Λ = L Lᵀ and z standard normal.</summary>
    public void Sample(SeededRandom random, Span<double> weights)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (weights.Length != Dimension)
            throw new ArgumentException($"weights must have {Dimension} elements", nameof(weights));
        var l = _cholesky!;
        int d = Dimension;
        for (int i = 0; i < d; i++) weights[i] = random.NextGaussian();
        // Back substitution Lᵀ v = z, in place: cov(v) = L⁻ᵀ L⁻¹ = Λ⁻¹.
        for (int i = d - 1; i >= 0; i--)
        {
            double s = weights[i];
            for (int k = i + 1; k < d; k++) s -= l[k, i] * weights[k];
            weights[i] = s / l[i, i];
        }
        for (int i = 0; i < d; i++) weights[i] += _mean[i];
    }

    /// <summary>An independent copy.</summary>
    public BayesianLinearModel Clone() => new(_mean, _precision, NoiseVariance);

    private void RequireFeatures(ReadOnlySpan<double> x)
    {
        if (x.Length != Dimension) throw new ArgumentException($"x must have {Dimension} elements", nameof(x));
        for (int i = 0; i < x.Length; i++)
            if (!double.IsFinite(x[i])) throw new ArgumentException($"x[{i}] must be finite", nameof(x));
    }

    /// <summary>Lower Cholesky factor, or null when <paramref name="a"/> is not positive definite.</summary>
    internal static double[,]? Cholesky(double[,] a)
    {
        int d = a.GetLength(0);
        var l = new double[d, d];
        for (int j = 0; j < d; j++)
        {
            double s = a[j, j];
            for (int k = 0; k < j; k++) s -= l[j, k] * l[j, k];
            if (!(s > 0)) return null;
            l[j, j] = Math.Sqrt(s);
            for (int i = j + 1; i < d; i++)
            {
                double t = a[i, j];
                for (int k = 0; k < j; k++) t -= l[i, k] * l[j, k];
                l[i, j] = t / l[j, j];
            }
        }
        return l;
    }

    /// <summary>Solves L Lᵀ y = b.</summary>
    private static void Solve(double[,] l, ReadOnlySpan<double> b, Span<double> y)
    {
        int d = b.Length;
        for (int i = 0; i < d; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i, k] * y[k];
            y[i] = s / l[i, i];
        }
        for (int i = d - 1; i >= 0; i--)
        {
            double s = y[i];
            for (int k = i + 1; k < d; k++) s -= l[k, i] * y[k];
            y[i] = s / l[i, i];
        }
    }

    internal static double[,] Invert(double[,] a, string name)
    {
        int d = a.GetLength(0);
        if (a.GetLength(1) != d) throw new ArgumentException($"{name} must be square", name);
        var l = Cholesky(a) ?? throw new ArgumentException($"{name} must be symmetric positive definite", name);
        var inverse = new double[d, d];
        var e = new double[d];
        var column = new double[d];
        for (int c = 0; c < d; c++)
        {
            Array.Clear(e);
            e[c] = 1;
            Solve(l, e, column);
            for (int r = 0; r < d; r++) inverse[r, c] = column[r];
        }
        return inverse;
    }

    /// <summary>Averages a matrix with its transpose, removing round-off asymmetry.</summary>
    internal static double[,] Symmetrise(double[,] a)
    {
        int d = a.GetLength(0);
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++)
                a[i, j] = a[j, i] = 0.5 * (a[i, j] + a[j, i]);
        return a;
    }
}
