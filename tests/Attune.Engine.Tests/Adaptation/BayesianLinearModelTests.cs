using Attune.Engine.Adaptation;

namespace Attune.Engine.Tests.Adaptation;

public class BayesianLinearModelTests
{
    [Fact]
    public void One_dimensional_posterior_matches_the_hand_computed_update()
    {
        // Prior w ~ N(0, 1) (precision 1), σ² = 0.5.
        var model = new BayesianLinearModel([0.0], new double[,] { { 1 } }, noiseVariance: 0.5);

        // (x = 2, r = 3): Λ = 1 + 2²/0.5 = 9; μ = (1·0 + 2·3/0.5)/9 = 12/9.
        model.Update([2.0], 3.0);
        Assert.Equal(9.0, model.Precision[0, 0], 12);
        Assert.Equal(12.0 / 9, model.Mean[0], 12);

        // (x = 1, r = 1): Λ = 9 + 1/0.5 = 11; μ = (9·12/9 + 1·1/0.5)/11 = 14/11.
        model.Update([1.0], 1.0);
        Assert.Equal(11.0, model.Precision[0, 0], 12);
        Assert.Equal(14.0 / 11, model.Mean[0], 12);
        Assert.Equal(1.0 / 11, model.Covariance[0, 0], 12);
        Assert.Equal(14.0 / 11 * 3, model.Predict([3.0]), 12);
    }

    [Fact]
    public void Two_dimensional_posterior_matches_the_normal_equations()
    {
        // With prior precision λI, the posterior mean is ridge regression: (λσ²I + XᵀX)⁻¹ Xᵀr.
        var model = BayesianLinearModel.Isotropic(2, priorVariance: 4, noiseVariance: 0.25);
        double[][] xs = [[1, 0], [1, 1], [1, 2], [1, 3]];
        double[] rs = [1, 3, 5, 7.5];
        for (int i = 0; i < xs.Length; i++) model.Update(xs[i], rs[i]);
        // XᵀX = [[4, 6], [6, 14]], Xᵀr = [16.5, 35.5], λσ² = 0.25·0.25 = 0.0625.
        double a = 4.0625, b = 6, c = 14.0625, det = a * c - b * b;
        double m0 = (c * 16.5 - b * 35.5) / det, m1 = (a * 35.5 - b * 16.5) / det;
        Assert.Equal(m0, model.Mean[0], 10);
        Assert.Equal(m1, model.Mean[1], 10);
    }

    [Fact]
    public void Samples_have_the_posterior_mean_and_covariance()
    {
        var covariance = new double[,] { { 0.04, 0.03 }, { 0.03, 0.09 } };
        var model = BayesianLinearModel.FromCovariance([0.5, -0.2], covariance, noiseVariance: 0.01);
        var random = new SeededRandom(7);
        const int n = 40_000;
        double s0 = 0, s1 = 0, s00 = 0, s11 = 0, s01 = 0;
        Span<double> w = stackalloc double[2];
        for (int i = 0; i < n; i++)
        {
            model.Sample(random, w);
            s0 += w[0]; s1 += w[1];
            s00 += w[0] * w[0]; s11 += w[1] * w[1]; s01 += w[0] * w[1];
        }
        double m0 = s0 / n, m1 = s1 / n;
        Assert.Equal(0.5, m0, 0.005);
        Assert.Equal(-0.2, m1, 0.005);
        Assert.Equal(0.04, s00 / n - m0 * m0, 0.002);
        Assert.Equal(0.09, s11 / n - m1 * m1, 0.004);
        Assert.Equal(0.03, s01 / n - m0 * m1, 0.002);
    }

    [Fact]
    public void FromCovariance_round_trips_the_covariance()
    {
        var covariance = new double[,] { { 2, 0.5, 0 }, { 0.5, 1, 0.2 }, { 0, 0.2, 0.5 } };
        var back = BayesianLinearModel.FromCovariance([1.0, 2, 3], covariance, 1).Covariance;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(covariance[i, j], back[i, j], 12);
    }

    [Fact]
    public void Invalid_arguments_name_the_parameter()
    {
        var notPositive = new double[,] { { 1, 2 }, { 2, 1 } };
        Assert.Contains("positive definite", Assert.Throws<ArgumentException>(() => new BayesianLinearModel([0.0, 0], notPositive, 1)).Message);
        var asymmetric = new double[,] { { 1, 0.1 }, { 0, 1 } };
        Assert.Equal("precision", Assert.Throws<ArgumentException>(() => new BayesianLinearModel([0.0, 0], asymmetric, 1)).ParamName);
        Assert.Equal("noiseVariance", Assert.Throws<ArgumentOutOfRangeException>(() => BayesianLinearModel.Isotropic(2, 1, 0)).ParamName);
        var model = BayesianLinearModel.Isotropic(2, 1, 1);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => model.Update([1.0], 0)).ParamName);
        Assert.Equal("reward", Assert.Throws<ArgumentOutOfRangeException>(() => model.Update([1.0, 0], double.NaN)).ParamName);
    }
}
