using Attune.Engine.Composition.Model;

namespace Attune.Engine.Tests.Composition;

public class ChoraleNadeTrainerTests
{
    private static readonly TrainingOptions Small = new()
    {
        Window = 2, ContextUnits = 8, HiddenUnits = 8, BatchSize = 16, LearningRate = 1e-2, MaxShift = 0, Epochs = 40, Patience = 40,
    };

    private static int[][][] Alternating(int chorales, int length)
    {
        int[] a = [60, 64, 67], b = [62, 65, 69];
        var result = new int[chorales][][];
        for (int c = 0; c < chorales; c++)
        {
            result[c] = new int[length][];
            for (int t = 0; t < length; t++) result[c][t] = (t + c) % 2 == 0 ? a : b;
        }
        return result;
    }

    private static int[][][] CoinFlips(int chorales, int length, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var result = new int[chorales][][];
        for (int c = 0; c < chorales; c++)
        {
            result[c] = new int[length][];
            for (int t = 0; t < length; t++)
            {
                var notes = new List<int>(2);
                if ((rng.NextUInt64() & 1) == 1) notes.Add(60);
                if ((rng.NextUInt64() & 1) == 1) notes.Add(64);
                result[c][t] = [.. notes];
            }
        }
        return result;
    }

    [Fact]
    public void Deterministic_alternation_is_learned_to_near_zero_nll()
    {
        var untrained = ChoraleNade.CreateRandom(2, 8, 8, 1);
        var valid = Alternating(6, 16);
        double before = ChoraleEvaluator.Evaluate(untrained, valid).NllPerFrame;
        var model = ChoraleNadeTrainer.Train(Alternating(12, 16), valid, Small with { Epochs = 30 });
        double after = ChoraleEvaluator.Evaluate(model, valid).NllPerFrame;
        Assert.True(before > 20, $"untrained NLL {before}");
        Assert.True(after < 0.05, $"trained NLL {after}");
    }

    [Fact]
    public void Independent_fair_coins_on_two_keys_approach_two_ln_two()
    {
        var model = ChoraleNadeTrainer.Train(CoinFlips(60, 20, 1), CoinFlips(10, 20, 2), Small with { Epochs = 10 });
        var test = ChoraleEvaluator.Evaluate(model, CoinFlips(100, 20, 3));
        Assert.Equal(1900, test.Frames);
        Assert.InRange(test.NllPerFrame, 2 * Math.Log(2) - 0.04, 2 * Math.Log(2) + 0.05);
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_reports_each_epoch()
    {
        var reports = new List<EpochReport>();
        var options = Small with { Epochs = 3, MaxShift = 6, Seed = 7 };
        var a = ChoraleNadeTrainer.Train(Alternating(8, 12), Alternating(2, 12), options, reports.Add);
        var b = ChoraleNadeTrainer.Train(Alternating(8, 12), Alternating(2, 12), options);
        var c = ChoraleNadeTrainer.Train(Alternating(8, 12), Alternating(2, 12), options with { Seed = 8 });
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.NotEqual(a.Parameters, c.Parameters);
        Assert.Equal([1, 2, 3], reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.True(double.IsFinite(r.ValidNll)));
    }

    [Fact]
    public void Bad_options_name_the_field()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ChoraleNadeTrainer.Train(Alternating(2, 4), [], Small with { HiddenUnits = 0 }));
        Assert.Equal("HiddenUnits", e.ParamName);
    }
}
