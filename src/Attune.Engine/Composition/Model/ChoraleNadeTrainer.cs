using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Attune.Engine.Composition.Model;

/// <summary>
/// Trains a <see cref="ChoraleNade"/> by minibatch Adam with global-norm clipping, random
/// transposition of training chorales (as in Boulanger-Lewandowski et al. 2012) and early stopping
/// on the validation NLL. Single-threaded with fixed summation order, so a seed fixes the result.
/// </summary>
public static class ChoraleNadeTrainer
{
    /// <param name="onEpoch">Called after each epoch.</param>
    /// <param name="onProgress">Called with (epoch, fraction of the epoch done) about a hundred times per epoch.</param>
    /// <param name="onImproved">Called with the model whenever the validation NLL improves (to save a checkpoint).</param>
    public static ChoraleNade Train(
        IReadOnlyList<int[][]> train,
        IReadOnlyList<int[][]> valid,
        TrainingOptions options,
        Action<EpochReport>? onEpoch = null,
        Action<int, double>? onProgress = null,
        Action<ChoraleNade>? onImproved = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.Count == 0) throw new ArgumentException("train: no chorales to learn from", nameof(train));

        var rng = new SeededRandom(options.Seed);
        var model = ChoraleNade.CreateRandom(options.Window, options.ContextUnits, options.HiddenUnits, rng.NextUInt64());
        InitialiseKeyBiases(model, train);
        var p = model.Parameters;
        var grad = new float[p.Length];
        var m = new float[p.Length];
        var v = new float[p.Length];
        var best = (float[])p.Clone();
        double bestValid = double.PositiveInfinity;
        int sinceBest = 0, step = 0;
        double lr = options.LearningRate;
        var ws = model.CreateWorkspace();
        var examples = new List<(int Chorale, int Frame, int Shift)>();
        var clock = Stopwatch.StartNew();

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            BuildEpoch(train, options.MaxShift, rng, examples);
            double trainSum = 0;
            int batches = (examples.Count + options.BatchSize - 1) / options.BatchSize;
            int reportEvery = Math.Max(1, batches / 100);
            for (int batch = 0; batch < batches; batch++)
            {
                Array.Clear(grad);
                int from = batch * options.BatchSize, to = Math.Min(examples.Count, from + options.BatchSize);
                for (int e = from; e < to; e++)
                {
                    var (c, t, shift) = examples[e];
                    model.Load(train[c], t, shift, ws);
                    model.Condition(ws);
                    trainSum += model.Forward(ws);
                    model.Backward(ws, grad);
                }
                AdamStep(p, grad, m, v, 1.0 / (to - from), options.ClipNorm, lr, ++step);
                if (onProgress is not null && batch % reportEvery == 0) onProgress(epoch, (double)batch / batches);
            }
            onProgress?.Invoke(epoch, 1.0);

            double validNll = valid.Count == 0 ? double.NaN : ChoraleEvaluator.Evaluate(model, valid).NllPerFrame;
            bool improved = double.IsNaN(validNll) || validNll < bestValid;
            if (improved)
            {
                bestValid = double.IsNaN(validNll) ? bestValid : validNll;
                Array.Copy(p, best, p.Length);
                sinceBest = 0;
            }
            else if (++sinceBest % 3 == 0)
            {
                lr *= 0.5; // every third epoch without progress: smaller steps before giving up
            }
            onEpoch?.Invoke(new EpochReport(epoch, trainSum / examples.Count, validNll, improved, clock.Elapsed));
            if (improved) onImproved?.Invoke(model);
            if (sinceBest >= options.Patience) break;
        }
        Array.Copy(best, p, p.Length);
        return model;
    }

    /// <summary>Start each key's bias at the log-odds of its training frequency, so early epochs learn structure, not marginals.</summary>
    private static void InitialiseKeyBiases(ChoraleNade model, IReadOnlyList<int[][]> train)
    {
        var counts = new double[ChoraleCorpus.KeyCount];
        double frames = 0;
        foreach (var chorale in train)
        {
            foreach (var frame in chorale)
            {
                frames++;
                foreach (int note in frame) counts[note - ChoraleCorpus.LowestKey]++;
            }
        }
        for (int k = 0; k < counts.Length; k++)
        {
            double q = (counts[k] + 0.1) / (frames + 0.2);
            model.Parameters[model.OffB0 + k] = (float)Math.Log(q / (1 - q));
        }
    }

    private static void BuildEpoch(IReadOnlyList<int[][]> train, int maxShift, SeededRandom rng, List<(int, int, int)> examples)
    {
        examples.Clear();
        for (int c = 0; c < train.Count; c++)
        {
            int shift = 0;
            if (maxShift > 0)
            {
                int lo = int.MaxValue, hi = int.MinValue;
                foreach (var frame in train[c])
                {
                    foreach (int note in frame) { lo = Math.Min(lo, note); hi = Math.Max(hi, note); }
                }
                int down = lo == int.MaxValue ? -maxShift : Math.Max(-maxShift, ChoraleCorpus.LowestKey - lo);
                int up = Math.Min(maxShift, 5);
                if (hi != int.MinValue) up = Math.Min(up, ChoraleCorpus.HighestKey - hi);
                shift = down + rng.Next(up - down + 1);
            }
            for (int t = 0; t < train[c].Length; t++) examples.Add((c, t, shift));
        }
        for (int i = examples.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (examples[i], examples[j]) = (examples[j], examples[i]);
        }
    }

    private static void AdamStep(float[] p, float[] grad, float[] m, float[] v, double scale, double clip, double lr, int step)
    {
        double norm2 = 0;
        foreach (float g in grad) norm2 += (double)g * g;
        double norm = Math.Sqrt(norm2) * scale;
        if (norm > clip) scale *= clip / norm;
        const double b1 = 0.9, b2 = 0.999;
        float lrT = (float)(lr * Math.Sqrt(1 - Math.Pow(b2, step)) / (1 - Math.Pow(b1, step)));
        var vs = new Vector<float>((float)scale);
        var vb1 = new Vector<float>((float)b1);
        var vb1c = new Vector<float>((float)(1 - b1));
        var vb2 = new Vector<float>((float)b2);
        var vb2c = new Vector<float>((float)(1 - b2));
        var vlr = new Vector<float>(lrT);
        var eps = new Vector<float>(1e-8f);
        var P = MemoryMarshal.Cast<float, Vector<float>>(p.AsSpan());
        var G = MemoryMarshal.Cast<float, Vector<float>>(grad.AsSpan());
        var M = MemoryMarshal.Cast<float, Vector<float>>(m.AsSpan());
        var V = MemoryMarshal.Cast<float, Vector<float>>(v.AsSpan());
        for (int i = 0; i < P.Length; i++)
        {
            var g = G[i] * vs;
            M[i] = vb1 * M[i] + vb1c * g;
            V[i] = vb2 * V[i] + vb2c * g * g;
            P[i] -= vlr * M[i] / (Vector.SquareRoot(V[i]) + eps);
        }
        for (int i = P.Length * Vector<float>.Count; i < p.Length; i++)
        {
            float g = grad[i] * (float)scale;
            m[i] = (float)(b1 * m[i] + (1 - b1) * g);
            v[i] = (float)(b2 * v[i] + (1 - b2) * g * g);
            p[i] -= lrT * m[i] / (MathF.Sqrt(v[i]) + 1e-8f);
        }
    }
}
