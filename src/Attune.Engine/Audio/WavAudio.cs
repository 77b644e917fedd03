namespace Attune.Engine.Audio;

/// <summary>The samples of a WAV file as read, one float array per channel, at the file's own rate.</summary>
public sealed class WavAudio
{
    internal WavAudio(float[][] channels, int sampleRate, int bitsPerSample, bool isFloat)
    {
        Channels = channels;
        SampleRate = sampleRate;
        BitsPerSample = bitsPerSample;
        IsFloat = isFloat;
    }

    /// <summary>Samples per channel, scaled to [-1, 1).</summary>
    public float[][] Channels { get; }

    public int SampleRate { get; }

    public int BitsPerSample { get; }

    public bool IsFloat { get; }

    public int FrameCount => Channels.Length == 0 ? 0 : Channels[0].Length;
}
