using Attune.Engine;
using Attune.Server.Features.Live;

namespace Attune.Server.Tests.Features.Live;

public sealed class Pcm16Tests
{
    [Fact]
    public void The_vector_path_gives_exactly_the_scalar_samples_interleaved_left_then_right()
    {
        var random = new SeededRandom(7);
        // 961 frames: vector blocks plus a scalar tail; values beyond ±1, exact midpoints and zeros included.
        int n = 961;
        var left = new float[n];
        var right = new float[n];
        for (int i = 0; i < n; i++)
        {
            left[i] = (float)(random.NextDouble() * 2.4 - 1.2);
            right[i] = i % 7 == 0 ? (i + 0.5f) / 32767f : (float)(random.NextDouble() * 2 - 1);
        }
        left[0] = 0; right[1] = 1.5f; left[2] = -1.5f; left[3] = 2.5f / 32767f; left[4] = -0.5f / 32767f;
        var stereo = new short[2 * n];
        Pcm16.Interleave(left, right, stereo);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal((short)Math.Round(Math.Clamp(left[i], -1f, 1f) * 32767f), stereo[2 * i]);
            Assert.Equal((short)Math.Round(Math.Clamp(right[i], -1f, 1f) * 32767f), stereo[2 * i + 1]);
        }
        Assert.Equal(32767, stereo[3]);
        Assert.Equal(-32767, stereo[4]);
        Assert.Equal(2, stereo[6]);   // 2.5 rounds to even
        Assert.Equal(0, stereo[8]);   // −0.5 rounds to even (0)
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Pcm16.Interleave(new float[8], new float[9], new short[18]));
        Assert.Throws<ArgumentException>(() => Pcm16.Interleave(new float[8], new float[8], new short[15]));
    }
}
