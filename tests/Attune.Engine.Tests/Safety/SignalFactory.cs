namespace Attune.Engine.Tests.Safety;

/// <summary>Test signals for the safety tests.</summary>
internal static class SignalFactory
{
    public static float[] Sine(double hz, double amplitude, int frames, double phase = 0)
    {
        var x = new float[frames];
        for (int i = 0; i < frames; i++)
            x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / AudioFormat.SampleRate + phase));
        return x;
    }

    public static float[] Noise(double rms, int frames, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var x = new float[frames];
        for (int i = 0; i < frames; i++) x[i] = (float)(rms * rng.NextGaussian());
        return x;
    }

    /// <summary>Runs a processor over whole signals in blocks of <paramref name="block"/> frames.</summary>
    public static void ProcessInBlocks(IAudioProcessor p, float[] left, float[] right, int block = AudioFormat.BlockSize)
    {
        for (int start = 0; start < left.Length; start += block)
        {
            int n = Math.Min(block, left.Length - start);
            p.Process(left.AsSpan(start, n), right.AsSpan(start, n));
        }
    }
}
