using Attune.Engine.Fitting;
using Attune.Engine.Safety;

namespace Attune.Engine.Tests.Fitting;

public class ToneClipTests
{
    private static double SteadyRmsDb(float[] x)
    {
        // Skip the 20 ms ramps plus the DC blocker's settling.
        int skip = AudioFormat.SampleRate / 20;
        double sum = 0;
        for (int i = skip; i < x.Length - skip; i++) sum += (double)x[i] * x[i];
        return Decibels.FromPower(sum / (x.Length - 2 * skip));
    }

    [Theory]
    [InlineData(1000, -10)]
    [InlineData(250, -20)]
    [InlineData(4000, 0)]
    [InlineData(12000, -30)]
    [InlineData(250, -12)]
    [InlineData(8000, -12)]
    [InlineData(16000, -12)]
    public void Below_the_limit_the_level_is_the_requested_level_plus_the_loudness_balance(double hz, double relativeDb)
    {
        var profile = TherapyProfile.Default;
        double level = FittingLevels.LevelDbfs(profile, relativeDb);
        var clip = ToneClip.Render(profile, hz, level, 1000);
        Assert.Equal(AudioFormat.SampleRate, clip.FrameCount);
        Assert.False(clip.ReducedBySafety);
        Assert.Equal(level + EqualLoudness.GainDb(hz), SteadyRmsDb(clip.Left), 0.5);
        Assert.Equal(level + EqualLoudness.GainDb(hz), SteadyRmsDb(clip.Right), 0.5);
    }

    [Fact]
    public void Starts_and_ends_with_raised_cosine_ramps_and_no_safety_fade_in()
    {
        var clip = ToneClip.Render(TherapyProfile.Default, 1000, -60, 500);
        double peak = Math.Sqrt(2) * Decibels.ToGain(-60);
        Assert.True(Math.Abs(clip.Left[0]) < 1e-6 * peak + 1e-9);
        Assert.True(Math.Abs(clip.Left[^1]) < 0.01 * peak);
        // 5 ms in, the ramp is at 0.5 − 0.5·cos(π/4) ≈ 0.15; the tone's peak there never exceeds it.
        float early = 0;
        for (int i = 0; i < 240; i++) early = Math.Max(early, Math.Abs(clip.Left[i]));
        Assert.InRange(early / peak, 0.05, 0.2);
        // By 40 ms the tone is at full level: a 5 s session fade-in would still be near silence here.
        float later = 0;
        for (int i = 1920; i < 2400; i++) later = Math.Max(later, Math.Abs(clip.Left[i]));
        Assert.InRange(later / peak, 0.97, 1.03);
    }

    [Theory]
    [InlineData(1000, 3000)]
    [InlineData(250, 1000)]
    [InlineData(8000, 2000)]
    public void A_request_far_above_the_limit_comes_out_within_the_profiles_max_lufs_and_ceiling(double hz, int ms)
    {
        var profile = new TherapyProfile(maxLufs: -40, ceilingDbtp: -12);
        var clip = ToneClip.Render(profile, hz, -3, ms);
        Assert.True(clip.ReducedBySafety);
        var loudness = new LoudnessMeter();
        var peak = new TruePeakMeter();
        loudness.Process(clip.Left, clip.Right);
        peak.Process(clip.Left, clip.Right);
        peak.Flush();
        Assert.True(loudness.MaxShortTerm <= profile.MaxLufs + 0.1, $"short-term {loudness.MaxShortTerm:0.00} LUFS");
        Assert.True(peak.MaxDbtp <= profile.CeilingDbtp + 0.1, $"true peak {peak.MaxDbtp:0.00} dBTP");
        // Turned down, not muted.
        Assert.True(loudness.MaxShortTerm > profile.MaxLufs - 30, $"short-term {loudness.MaxShortTerm:0.00} LUFS");
    }

    [Theory]
    [InlineData(100, -20, 1000, "hz")]
    [InlineData(1000, 5, 1000, "levelDbfs")]
    [InlineData(1000, -20, 10, "milliseconds")]
    public void Rejects_bad_arguments_naming_them(double hz, double level, int ms, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ToneClip.Render(TherapyProfile.Default, hz, level, ms));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Relative_levels_outside_minus_60_to_0_dB_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FittingLevels.LevelDbfs(TherapyProfile.Default, 0.5));
}
