using Attune.Engine.Fitting;
using Attune.Engine.Safety;
using Attune.Engine.Therapy;

namespace Attune.Engine.Tests.Fitting;

public class NoiseClipTests
{
    [Theory]
    [InlineData(NoiseColor.Pink)]
    [InlineData(NoiseColor.White)]
    [InlineData(NoiseColor.NarrowBand)]
    public void Below_the_limit_the_rms_is_the_requested_level(NoiseColor color)
    {
        var profile = TherapyProfile.Default;
        double level = FittingLevels.LevelDbfs(profile, -6);
        var clip = NoiseClip.Render(profile, color, level, 2000, seed: 7, centreHz: 3000);
        Assert.Equal(2 * AudioFormat.SampleRate, clip.FrameCount);
        Assert.False(clip.ReducedBySafety);
        int skip = AudioFormat.SampleRate / 10;
        double sum = 0;
        for (int i = skip; i < clip.FrameCount - skip; i++) sum += (double)clip.Left[i] * clip.Left[i];
        // Safety's 5 Hz DC blocker removes pink noise's infrasonic part (measured 0.4–0.7 dB, inaudible); 2 s of noise varies too.
        Assert.Equal(level, Decibels.FromPower(sum / (clip.FrameCount - 2 * skip)), color == NoiseColor.Pink ? 1.0 : 0.5);
    }

    [Fact]
    public void Same_seed_same_samples_and_loud_requests_obey_the_profile()
    {
        var profile = new TherapyProfile(maxLufs: -45, ceilingDbtp: -15);
        var a = NoiseClip.Render(profile, NoiseColor.White, 0, 3000, seed: 3);
        var b = NoiseClip.Render(profile, NoiseColor.White, 0, 3000, seed: 3);
        Assert.Equal(a.Left, b.Left);
        var loudness = new LoudnessMeter();
        var peak = new TruePeakMeter();
        loudness.Process(a.Left, a.Right);
        peak.Process(a.Left, a.Right);
        peak.Flush();
        Assert.True(loudness.MaxShortTerm <= profile.MaxLufs + 0.1, $"short-term {loudness.MaxShortTerm:0.00} LUFS");
        Assert.True(peak.MaxDbtp <= profile.CeilingDbtp + 0.1, $"true peak {peak.MaxDbtp:0.00} dBTP");
    }
}
