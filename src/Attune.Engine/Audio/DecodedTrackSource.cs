namespace Attune.Engine.Audio;

/// <summary>Plays a decoded file block by block, then silence.</summary>
public sealed class DecodedTrackSource : IAudioSource
{
    private readonly float[] _left;
    private readonly float[] _right;
    private int _position;

    public DecodedTrackSource(DecodedAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        _left = audio.Left;
        _right = audio.Right;
    }

    /// <summary>True once every frame of the track has been rendered.</summary>
    public bool IsFinished => _position >= _left.Length;

    /// <summary>Frames rendered so far (stops growing at the end of the track).</summary>
    public int Position => _position;

    public void Render(Span<float> left, Span<float> right)
    {
        int n = Math.Min(left.Length, _left.Length - _position);
        _left.AsSpan(_position, n).CopyTo(left);
        _right.AsSpan(_position, n).CopyTo(right);
        left[n..].Clear();
        right[n..].Clear();
        _position += n;
    }
}
