using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Audio;

public sealed class AudioCaptureTests
{
    [Fact]
    public void Grows_beyond_its_initial_capacity_and_keeps_order()
    {
        var capture = new AudioCapture(initialCapacityFrames: 3);
        for (int block = 0; block < 10; block++)
        {
            float[] l = [block, block + 0.5f];
            float[] r = [-block, -block - 0.5f];
            capture.Write(l, r);
        }

        Assert.Equal(20, capture.FrameCount);
        Assert.Equal(20, capture.Left.Length);
        Assert.Equal(9.5f, capture.Left[19]);
        Assert.Equal(-4f, capture.Right[8]);
        Assert.Equal(capture.Left, capture.LeftSpan.ToArray());

        capture.Clear();
        Assert.Equal(0, capture.FrameCount);
        Assert.Empty(capture.Right);
    }

    [Fact]
    public void Writing_within_capacity_allocates_nothing()
    {
        var capture = new AudioCapture(AudioFormat.BlockSize * 100);
        var block = new float[AudioFormat.BlockSize];
        capture.Write(block, block);
        Assert.Equal(0, Allocation.LeastOfTwo(() =>
        {
            for (int i = 0; i < 99; i++) capture.Write(block, block);
        }));
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioCapture(-1));
        var e = Assert.Throws<ArgumentException>(() => new AudioCapture().Write(new float[2], new float[1]));
        Assert.Equal("right", e.ParamName);
    }
}
