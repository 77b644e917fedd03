namespace Attune.Engine.Composition.Model;

/// <summary>
/// A NADE over the 88 piano keys (Larochelle &amp; Murray 2011), keys decided low to high, whose
/// visible and hidden biases are set by a one-layer tanh network over the previous
/// <see cref="Window"/> frames — a windowed stand-in for the RNN-NADE of Boulanger-Lewandowski,
/// Bengio &amp; Vincent (2012). A joint output over keys models chords, which independent per-key
/// outputs (the RNN/LSTM/TCN figures of Bai, Kolter &amp; Koltun 2018) cannot; every one of the 2^88
/// frames has probability &gt; 0 because each conditional is a finite-logit Bernoulli.
/// </summary>
public sealed partial class ChoraleNade
{
    /// <summary>Inputs per history frame: one per key plus a "before the start" flag.</summary>
    public const int SlotInputs = ChoraleCorpus.KeyCount + 1;

    private const int N = ChoraleCorpus.KeyCount;

    internal ChoraleNade(int window, int contextUnits, int hiddenUnits, float[] parameters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextUnits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(contextUnits, 4096);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenUnits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hiddenUnits, 4096);
        Window = window;
        ContextUnits = contextUnits;
        HiddenUnits = hiddenUnits;
        int inputs = window * SlotInputs, d = contextUnits, h = hiddenUnits;
        OffU = 0;
        OffU0 = OffU + inputs * d;
        OffWb = OffU0 + d;
        OffWc = OffWb + N * d;
        OffSkip = OffWc + h * d;
        OffB0 = OffSkip + inputs * N;
        OffC0 = OffB0 + N;
        OffW = OffC0 + h;
        OffV = OffW + N * h;
        int count = OffV + N * h;
        if (parameters.Length != count)
            throw new ArgumentException($"parameters: expected {count} values for this shape, got {parameters.Length}", nameof(parameters));
        Parameters = parameters;
    }

    /// <summary>Number of previous frames the model looks at.</summary>
    public int Window { get; }

    /// <summary>Units of the tanh layer that reads the history window.</summary>
    public int ContextUnits { get; }

    /// <summary>Hidden units of the NADE.</summary>
    public int HiddenUnits { get; }

    public int ParameterCount => Parameters.Length;

    /// <summary>All weights in one array: U (inputs × D), u0, Wb (88 × D), Wc (H × D), skip (inputs × 88), b0, c0, W (88 × H), V (88 × H).</summary>
    internal float[] Parameters { get; }

    internal int OffU { get; }
    internal int OffU0 { get; }
    internal int OffWb { get; }
    internal int OffWc { get; }
    internal int OffSkip { get; }
    internal int OffB0 { get; }
    internal int OffC0 { get; }
    internal int OffW { get; }
    internal int OffV { get; }

    /// <summary>A freshly initialised model (small random weights), deterministic for the seed.</summary>
    public static ChoraleNade CreateRandom(int window, int contextUnits, int hiddenUnits, ulong seed)
    {
        var probe = new ChoraleNade(window, contextUnits, hiddenUnits, new float[Count(window, contextUnits, hiddenUnits)]);
        var p = probe.Parameters;
        var rng = new SeededRandom(seed);
        void Fill(int from, int to, double std)
        {
            for (int i = from; i < to; i++) p[i] = (float)(rng.NextGaussian() * std);
        }
        Fill(probe.OffU, probe.OffU0, 0.1);
        Fill(probe.OffWb, probe.OffSkip, 0.5 / Math.Sqrt(contextUnits));
        Fill(probe.OffW, p.Length, 0.05);
        return probe;
    }

    internal static int Count(int window, int contextUnits, int hiddenUnits)
        => window * SlotInputs * contextUnits + contextUnits + N * contextUnits + hiddenUnits * contextUnits
           + window * SlotInputs * N + N + hiddenUnits + 2 * N * hiddenUnits;

    internal NadeWorkspace CreateWorkspace() => new(Window, ContextUnits, HiddenUnits);

    /// <summary>−log p(frame t | frames before t) in nats, for a chorale transposed by <paramref name="shift"/> semitones.</summary>
    public double FrameNll(IReadOnlyList<int[]> chorale, int t, int shift = 0)
    {
        ArgumentNullException.ThrowIfNull(chorale);
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(t, chorale.Count);
        var ws = CreateWorkspace();
        Load(chorale, t, shift, ws);
        Condition(ws);
        return Forward(ws);
    }

    /// <summary>Fills the workspace's history inputs and target from a chorale's frame t.</summary>
    internal void Load(IReadOnlyList<int[]> chorale, int t, int shift, NadeWorkspace ws)
    {
        int count = 0;
        for (int s = 0; s < Window; s++)
        {
            int src = t - 1 - s, slot = s * SlotInputs;
            if (src < 0) { ws.Active[count++] = slot + N; continue; }
            foreach (int note in chorale[src])
            {
                int key = note + shift - ChoraleCorpus.LowestKey;
                if ((uint)key < N) ws.Active[count++] = slot + key;
            }
        }
        ws.ActiveCount = count;
        Array.Clear(ws.Target);
        foreach (int note in chorale[t])
        {
            int key = note + shift - ChoraleCorpus.LowestKey;
            if ((uint)key < N) ws.Target[key] = true;
        }
    }

    /// <summary>History inputs → context layer → per-frame key and hidden biases.</summary>
    internal void Condition(NadeWorkspace ws)
    {
        int d = ContextUnits, h = HiddenUnits;
        var p = Parameters.AsSpan();
        p.Slice(OffU0, d).CopyTo(ws.ContextPre);
        p.Slice(OffB0, N).CopyTo(ws.KeyBias);
        for (int i = 0; i < ws.ActiveCount; i++)
        {
            int input = ws.Active[i];
            VectorMath.Add(ws.ContextPre, p.Slice(OffU + input * d, d));
            VectorMath.Add(ws.KeyBias, p.Slice(OffSkip + input * N, N));
        }
        VectorMath.Tanh(ws.ContextPre, ws.Context);
        for (int k = 0; k < N; k++) ws.KeyBias[k] += VectorMath.Dot(p.Slice(OffWb + k * d, d), ws.Context);
        for (int j = 0; j < h; j++) ws.HiddenBias[j] = p[OffC0 + j] + VectorMath.Dot(p.Slice(OffWc + j * d, d), ws.Context);
    }

    /// <summary>NADE pass over the workspace target; returns its NLL and keeps hidden states and logits for backprop.</summary>
    internal double Forward(NadeWorkspace ws)
    {
        int h = HiddenUnits;
        var p = Parameters.AsSpan();
        var a = ws.Accumulator.AsSpan();
        ws.HiddenBias.CopyTo(a);
        double nll = 0;
        for (int k = 0; k < N; k++)
        {
            var hk = ws.Hidden.AsSpan(k * h, h);
            VectorMath.Sigmoid(a, hk);
            float x = ws.KeyBias[k] + VectorMath.Dot(p.Slice(OffV + k * h, h), hk);
            ws.Logits[k] = x;
            if (ws.Target[k])
            {
                nll += VectorMath.Softplus(-x);
                VectorMath.Add(a, p.Slice(OffW + k * h, h));
            }
            else
            {
                nll += VectorMath.Softplus(x);
            }
        }
        return nll;
    }

    /// <summary>Adds d(NLL)/d(parameters) of the last <see cref="Forward"/> to <paramref name="grad"/>.</summary>
    internal void Backward(NadeWorkspace ws, float[] grad)
    {
        int h = HiddenUnits, d = ContextUnits;
        var p = Parameters.AsSpan();
        var g = grad.AsSpan();
        var acc = ws.Accumulator.AsSpan();
        var tmp = ws.Scratch.AsSpan();
        acc.Clear();
        for (int k = N - 1; k >= 0; k--)
        {
            var hk = ws.Hidden.AsSpan(k * h, h);
            float dx = VectorMath.Logistic(ws.Logits[k]) - (ws.Target[k] ? 1f : 0f);
            ws.KeyBiasGrad[k] = dx;
            VectorMath.AddScaled(g.Slice(OffV + k * h, h), hk, dx);
            if (ws.Target[k]) VectorMath.Add(g.Slice(OffW + k * h, h), acc);
            var vk = p.Slice(OffV + k * h, h);
            for (int j = 0; j < h; j++) tmp[j] = vk[j] * hk[j] * (1f - hk[j]);
            VectorMath.AddScaled(acc, tmp, dx);
        }
        // acc now holds d(NLL)/d(hidden bias); ws.KeyBiasGrad holds d(NLL)/d(key bias).
        VectorMath.Add(g.Slice(OffB0, N), ws.KeyBiasGrad);
        VectorMath.Add(g.Slice(OffC0, h), acc);
        var dz = ws.ContextGrad.AsSpan();
        dz.Clear();
        for (int k = 0; k < N; k++)
        {
            float db = ws.KeyBiasGrad[k];
            VectorMath.AddScaled(g.Slice(OffWb + k * d, d), ws.Context, db);
            VectorMath.AddScaled(dz, p.Slice(OffWb + k * d, d), db);
        }
        for (int j = 0; j < h; j++)
        {
            VectorMath.AddScaled(g.Slice(OffWc + j * d, d), ws.Context, acc[j]);
            VectorMath.AddScaled(dz, p.Slice(OffWc + j * d, d), acc[j]);
        }
        for (int i = 0; i < d; i++) dz[i] *= 1f - ws.Context[i] * ws.Context[i];
        VectorMath.Add(g.Slice(OffU0, d), dz);
        for (int i = 0; i < ws.ActiveCount; i++)
        {
            int input = ws.Active[i];
            VectorMath.Add(g.Slice(OffU + input * d, d), dz);
            VectorMath.Add(g.Slice(OffSkip + input * N, N), ws.KeyBiasGrad);
        }
    }
}
