using Attune.Engine.Composition.Model;

namespace Attune.Engine.Tests.Composition;

public class ChoraleNadeTests
{
    private static readonly int[][] Chorale = [[60, 64, 67], [59, 62, 67, 74], [], [48, 60, 64, 72]];

    private static ChoraleNade Model(ulong seed, double scale)
    {
        var model = ChoraleNade.CreateRandom(window: 2, contextUnits: 5, hiddenUnits: 4, seed);
        var rng = new SeededRandom(seed + 100);
        var p = model.Parameters;
        for (int i = 0; i < p.Length; i++) p[i] = (float)(rng.NextGaussian() * scale);
        return model;
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void Gradient_matches_central_differences_for_every_parameter(ulong seed, int t)
    {
        var model = Model(seed, 0.5);
        var ws = model.CreateWorkspace();
        var grad = new float[model.ParameterCount];
        model.Load(Chorale, t, 0, ws);
        model.Condition(ws);
        model.Forward(ws);
        model.Backward(ws, grad);

        var p = model.Parameters;
        const float eps = 1e-2f;
        int nonZero = 0;
        var active = new HashSet<int>(ws.Active[..ws.ActiveCount]);
        for (int i = 0; i < p.Length; i++)
        {
            int row = i < model.OffU0 ? (i - model.OffU) / model.ContextUnits
                : i >= model.OffSkip && i < model.OffB0 ? (i - model.OffSkip) / ChoraleCorpus.KeyCount : -1;
            if (row >= 0 && !active.Contains(row))
            {
                Assert.Equal(0f, grad[i]); // an input that is off cannot move the output
                continue;
            }
            float saved = p[i];
            p[i] = saved + eps;
            double plus = model.FrameNll(Chorale, t);
            p[i] = saved - eps;
            double minus = model.FrameNll(Chorale, t);
            p[i] = saved;
            double numeric = (plus - minus) / (2 * eps);
            Assert.True(Math.Abs(numeric - grad[i]) <= 2e-3 + 1e-2 * Math.Abs(numeric),
                $"parameter {i}: analytic {grad[i]}, numeric {numeric}");
            if (Math.Abs(numeric) > 1e-3) nonZero++;
        }
        Assert.True(nonZero > 300, $"only {nonZero} parameters had a gradient; the check would be vacuous");
    }

    [Fact]
    public void Every_frame_has_positive_probability()
    {
        var model = Model(5, 3.0); // large weights push conditionals toward 0 and 1
        var rng = new SeededRandom(9);
        for (int trial = 0; trial < 50; trial++)
        {
            var frames = new int[3][];
            for (int f = 0; f < frames.Length; f++)
            {
                var notes = new List<int>();
                for (int note = ChoraleCorpus.LowestKey; note <= ChoraleCorpus.HighestKey; note++)
                {
                    if ((rng.NextUInt64() & 1) == 1) notes.Add(note);
                }
                frames[f] = [.. notes];
            }
            double nll = model.FrameNll(frames, 2);
            Assert.True(double.IsFinite(nll) && nll > 0, $"NLL {nll}");
        }
    }

    [Fact]
    public void Probabilities_of_all_frames_over_two_free_keys_sum_to_one()
    {
        // Restrict to a model whose other 86 keys are certainly off: p(all four frames) must sum to ~1.
        var model = Model(11, 0.3);
        for (int k = 0; k < ChoraleCorpus.KeyCount; k++)
        {
            if (k != 39 && k != 43) model.Parameters[model.OffB0 + k] = -60f;
        }
        double total = 0;
        foreach (int[] frame in new[] { Array.Empty<int>(), [60], [64], [60, 64] })
        {
            total += Math.Exp(-model.FrameNll([[62], frame], 1));
        }
        Assert.Equal(1.0, total, 4);
    }

    [Fact]
    public void Save_and_load_round_trip_exactly()
    {
        var model = Model(4, 0.5);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = ChoraleNade.Load(stream);
        Assert.Equal(model.Parameters, loaded.Parameters);
        Assert.Equal((2, 5, 4), (loaded.Window, loaded.ContextUnits, loaded.HiddenUnits));
        Assert.Equal(model.FrameNll(Chorale, 3), loaded.FrameNll(Chorale, 3));
    }

    [Fact]
    public void Load_rejects_corruption_truncation_and_other_formats()
    {
        using var stream = new MemoryStream();
        Model(4, 0.5).Save(stream);
        byte[] good = stream.ToArray();

        byte[] flipped = (byte[])good.Clone();
        flipped[good.Length / 2] ^= 0x40;
        Assert.Contains("checksum", Assert.Throws<InvalidDataException>(() => ChoraleNade.Load(new MemoryStream(flipped))).Message);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => ChoraleNade.Load(new MemoryStream(good[..^10]))).Message);
        byte[] renamed = (byte[])good.Clone();
        renamed[1] = (byte)'X';
        Assert.Contains("format", Assert.Throws<InvalidDataException>(() => ChoraleNade.Load(new MemoryStream(renamed))).Message);
        byte[] version = (byte[])good.Clone();
        version[1 + ChoraleNade.FormatName.Length] = 9;
        Assert.Contains("version 9", Assert.Throws<InvalidDataException>(() => ChoraleNade.Load(new MemoryStream(version))).Message);
    }
}
