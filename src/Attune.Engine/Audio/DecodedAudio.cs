namespace Attune.Engine.Audio;

/// <summary>A whole decoded file as 48 kHz stereo float, with what the file originally was.</summary>
public sealed class DecodedAudio
{
    public DecodedAudio(float[] left, float[] right, int originalSampleRate, int originalChannels)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Length != right.Length)
            throw new ArgumentException($"left ({left.Length}) and right ({right.Length}) must have equal length", nameof(right));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(originalSampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(originalChannels);
        Left = left;
        Right = right;
        OriginalSampleRate = originalSampleRate;
        OriginalChannels = originalChannels;
    }

    /// <summary>Left channel at <see cref="AudioFormat.SampleRate"/>.</summary>
    public float[] Left { get; }

    /// <summary>Right channel at <see cref="AudioFormat.SampleRate"/>.</summary>
    public float[] Right { get; }

    public int OriginalSampleRate { get; }

    public int OriginalChannels { get; }

    public int FrameCount => Left.Length;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Left.Length / AudioFormat.SampleRate);
}
