using Attune.Engine.Composition.Model;

namespace Attune.Engine.Tests.Composition;

public class ChoraleEvaluatorTests
{
    [Fact]
    public void Scores_every_frame_but_each_chorales_first_and_averages_them()
    {
        var model = ChoraleNade.CreateRandom(3, 6, 5, 2);
        int[][][] chorales = [[[60], [62, 65], [], [55, 67]], [[70]], [[40, 50], [41, 51]]];
        var report = ChoraleEvaluator.Evaluate(model, chorales);
        Assert.Equal(3, report.Chorales);
        Assert.Equal(4, report.Frames);
        double expected = (model.FrameNll(chorales[0], 1) + model.FrameNll(chorales[0], 2) + model.FrameNll(chorales[0], 3)
                           + model.FrameNll(chorales[2], 1)) / 4;
        Assert.Equal(expected, report.NllPerFrame, 9);
    }

    [Fact]
    public void Untrained_model_is_near_the_uniform_88_bit_cost()
    {
        // Small random weights give conditionals near 1/2, so the NLL is near 88 ln 2 ≈ 61 nats.
        var model = ChoraleNade.CreateRandom(2, 4, 4, 3);
        var report = ChoraleEvaluator.Evaluate(model, [[[60], [64], [67]]]);
        Assert.InRange(report.NllPerFrame, 88 * Math.Log(2) - 5, 88 * Math.Log(2) + 5);
    }
}
