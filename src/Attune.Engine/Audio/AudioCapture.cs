namespace Attune.Engine.Audio;

/// <summary>An in-memory sink for tests and analysis; grows by doubling beyond its pre-sized capacity.</summary>
public sealed class AudioCapture : IAudioSink
{
    private float[] _left;
    private float[] _right;
    private int _count;

    public AudioCapture(int initialCapacityFrames = AudioFormat.SampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacityFrames);
        _left = new float[initialCapacityFrames];
        _right = new float[initialCapacityFrames];
    }

    public int FrameCount => _count;

    /// <summary>A copy of the captured left channel, exactly <see cref="FrameCount"/> long.</summary>
    public float[] Left => _left.AsSpan(0, _count).ToArray();

    /// <summary>A copy of the captured right channel, exactly <see cref="FrameCount"/> long.</summary>
    public float[] Right => _right.AsSpan(0, _count).ToArray();

    public ReadOnlySpan<float> LeftSpan => _left.AsSpan(0, _count);

    public ReadOnlySpan<float> RightSpan => _right.AsSpan(0, _count);

    public void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (left.Length != right.Length)
            throw new ArgumentException($"left ({left.Length}) and right ({right.Length}) must have equal length", nameof(right));
        int needed = _count + left.Length;
        if (needed > _left.Length)
        {
            int capacity = Math.Max(needed, Math.Max(16, _left.Length * 2));
            Array.Resize(ref _left, capacity);
            Array.Resize(ref _right, capacity);
        }
        left.CopyTo(_left.AsSpan(_count));
        right.CopyTo(_right.AsSpan(_count));
        _count = needed;
    }

    public void Clear() => _count = 0;
}
