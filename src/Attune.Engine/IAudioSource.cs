namespace Attune.Engine;

/// <summary>Something that produces audio one block at a time (a synthesizer, a noise generator, a decoded track).</summary>
public interface IAudioSource
{
    /// <summary>Writes the next <c>left.Length</c> frames (≤ <see cref="AudioFormat.BlockSize"/>) into both spans, overwriting them.</summary>
    void Render(Span<float> left, Span<float> right);
}
