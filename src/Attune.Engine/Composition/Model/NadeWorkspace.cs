namespace Attune.Engine.Composition.Model;

/// <summary>Pre-allocated buffers for one frame's forward and backward pass, so the hot loops allocate nothing.</summary>
internal sealed class NadeWorkspace
{
    public NadeWorkspace(int window, int contextUnits, int hiddenUnits)
    {
        const int n = ChoraleCorpus.KeyCount;
        Active = new int[window * ChoraleNade.SlotInputs];
        ContextPre = new float[contextUnits];
        Context = new float[contextUnits];
        KeyBias = new float[n];
        HiddenBias = new float[hiddenUnits];
        Hidden = new float[n * hiddenUnits];
        Accumulator = new float[hiddenUnits];
        Scratch = new float[hiddenUnits];
        Logits = new float[n];
        Target = new bool[n];
        KeyBiasGrad = new float[n];
        ContextGrad = new float[contextUnits];
    }

    /// <summary>Indices of the history inputs that are 1 (sparse one-hot window).</summary>
    public int[] Active { get; }

    public int ActiveCount { get; set; }

    public float[] ContextPre { get; }

    public float[] Context { get; }

    public float[] KeyBias { get; }

    public float[] HiddenBias { get; }

    /// <summary>Hidden activations before each key's decision, key-major (88 × H).</summary>
    public float[] Hidden { get; }

    public float[] Accumulator { get; }

    public float[] Scratch { get; }

    public float[] Logits { get; }

    public bool[] Target { get; }

    public float[] KeyBiasGrad { get; }

    public float[] ContextGrad { get; }
}
