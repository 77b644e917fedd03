namespace Attune.Engine.Tests;

/// <summary>Renders a source block by block into whole arrays, for tests that measure the result.</summary>
internal static class TestAudio
{
    public static (float[] Left, float[] Right) Render(IAudioSource source, int frames)
    {
        var left = new float[frames];
        var right = new float[frames];
        for (int pos = 0; pos < frames; pos += AudioFormat.BlockSize)
        {
            int n = Math.Min(AudioFormat.BlockSize, frames - pos);
            source.Render(left.AsSpan(pos, n), right.AsSpan(pos, n));
        }
        return (left, right);
    }
}
