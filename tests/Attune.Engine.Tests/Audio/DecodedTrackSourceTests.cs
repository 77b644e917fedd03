using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Audio;

public sealed class DecodedTrackSourceTests
{
    [Fact]
    public void Plays_the_track_block_by_block_then_silence()
    {
        int frames = 600;
        var left = new float[frames];
        var right = new float[frames];
        for (int i = 0; i < frames; i++) { left[i] = i + 1; right[i] = -(i + 1); }
        var source = new DecodedTrackSource(new DecodedAudio(left, right, 44_100, 2));
        var capture = new AudioCapture(16);
        var l = new float[AudioFormat.BlockSize];
        var r = new float[AudioFormat.BlockSize];

        for (int block = 0; block < 4; block++)
        {
            Array.Fill(l, 99f);
            Array.Fill(r, 99f);
            Assert.False(source.IsFinished && block < 3);
            source.Render(l, r);
            capture.Write(l, r);
        }

        Assert.True(source.IsFinished);
        Assert.Equal(frames, source.Position);
        Assert.Equal(4 * AudioFormat.BlockSize, capture.FrameCount);
        Assert.Equal(left, capture.Left[..frames]);
        Assert.Equal(right, capture.Right[..frames]);
        Assert.All(capture.Left[frames..], v => Assert.Equal(0f, v));
        Assert.All(capture.Right[frames..], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Rendering_allocates_nothing()
    {
        var source = new DecodedTrackSource(new DecodedAudio(new float[100_000], new float[100_000], 48_000, 2));
        var l = new float[AudioFormat.BlockSize];
        var r = new float[AudioFormat.BlockSize];
        source.Render(l, r);
        Assert.Equal(0, Allocation.LeastOfTwo(() =>
        {
            for (int i = 0; i < 500; i++) source.Render(l, r);
        }));
        Assert.True(source.IsFinished);
    }

    [Fact]
    public void Empty_track_is_finished_and_silent()
    {
        var source = new DecodedTrackSource(new DecodedAudio([], [], 48_000, 1));
        Assert.True(source.IsFinished);
        float[] l = [1, 2], r = [3, 4];
        source.Render(l, r);
        Assert.Equal([0f, 0f], l);
        Assert.Equal([0f, 0f], r);
    }
}
