namespace Attune.Engine;

/// <summary>An in-place stage of the signal path (a notch, a reverb, the safety governor).</summary>
public interface IAudioProcessor
{
    /// <summary>Processes <c>left.Length</c> frames (≤ <see cref="AudioFormat.BlockSize"/>) in place.</summary>
    void Process(Span<float> left, Span<float> right);
}
