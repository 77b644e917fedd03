using Attune.Engine.Adaptation;

namespace Attune.Engine.Tests.Adaptation;

public class BreathingPacerTests
{
    [Fact]
    public void Starts_at_three_quarters_of_the_measured_rate()
    {
        Assert.Equal(12, new BreathingPacer(16).RateBpm, 9);
        var selfPaced = new BreathingPacer();
        Assert.True(selfPaced.SelfPaced);
        Assert.Equal(BreathingPacer.LeadFraction * BreathingPacer.AssumedRestingBpm, selfPaced.RateBpm, 9);
        // Never starts below the target.
        Assert.Equal(6, new BreathingPacer(7).RateBpm, 9);
    }

    [Fact]
    public void Glides_toward_six_per_minute_no_faster_than_the_limit()
    {
        var p = new BreathingPacer(16, glideBpmPerMinute: 1);
        p.SetMeasuredRate(8); // the person slowed down: the pacing may move to 6, but only at 1/min per minute
        double previous = p.RateBpm;
        for (int s = 0; s < 600; s++)
        {
            p.Advance(1);
            Assert.True(previous - p.RateBpm <= 1.0 / 60 + 1e-12);
            previous = p.RateBpm;
        }
        Assert.Equal(6, p.RateBpm, 9);
    }

    [Fact]
    public void Follows_three_quarters_of_the_person_when_they_do_not_slow()
    {
        var p = new BreathingPacer(16);
        for (int s = 0; s < 1200; s++) { p.SetMeasuredRate(16); p.Advance(1); }
        Assert.Equal(12, p.RateBpm, 9);
    }

    [Fact]
    public void Swell_spans_its_depth_and_peaks_at_the_end_of_breathing_in()
    {
        var p = new BreathingPacer(12, swellDepthDb: 3);
        Assert.Equal(-1.5, p.SwellDb(0), 9);
        Assert.Equal(1.5, p.SwellDb(BreathingPacer.InhaleFraction), 9);
        Assert.Equal(-1.5, p.SwellDb(0.999999), 4);
    }

    [Fact]
    public void Processing_applies_the_swell_smoothly_at_the_pacing_rate()
    {
        // 9 breaths/min → one swell every 6.67 s. Measure the gain on a constant signal over 20 s.
        var p = new BreathingPacer(12, swellDepthDb: 3);
        int blocks = 20 * AudioFormat.SampleRate / AudioFormat.BlockSize;
        var l = new float[AudioFormat.BlockSize];
        var r = new float[AudioFormat.BlockSize];
        var gains = new List<double>();
        double maxJump = 0, last = double.NaN;
        for (int b = 0; b < blocks; b++)
        {
            Array.Fill(l, 0.5f);
            Array.Fill(r, 0.5f);
            p.Process(l, r);
            foreach (float x in l)
            {
                double g = x / 0.5;
                if (!double.IsNaN(last)) maxJump = Math.Max(maxJump, Math.Abs(g - last));
                last = g;
            }
            gains.Add(Math.Round(l[^1] / 0.5, 5));
        }
        Assert.Equal(3, 20 * Math.Log10(gains.Max() / gains.Min()), 1);
        Assert.True(maxJump < 1e-4, $"gain stepped by {maxJump} between samples");
        // Count upward crossings of the middle gain: 20 s at 9/min → 3 swells (±1 for where the window cuts them).
        double middle = Math.Sqrt(gains.Max() * gains.Min());
        int peaks = 0;
        for (int i = 1; i < gains.Count; i++)
            if (gains[i - 1] < middle && gains[i] >= middle) peaks++;
        Assert.True(peaks is >= 2 and <= 4, $"{peaks} swell peaks in 20 s");
    }

    [Fact]
    public void Processing_does_not_allocate()
    {
        var p = new BreathingPacer(12);
        var l = new float[AudioFormat.BlockSize];
        var r = new float[AudioFormat.BlockSize];
        p.Process(l, r);
        Assert.Equal(0, Allocation.LeastOfTwo(() =>
        {
            for (int b = 0; b < 1000; b++) p.Process(l, r);
        }));
    }

    [Fact]
    public void Out_of_range_settings_are_rejected_by_name()
    {
        Assert.Equal("targetBpm", Assert.Throws<ArgumentOutOfRangeException>(() => new BreathingPacer(targetBpm: 20)).ParamName);
        Assert.Equal("swellDepthDb", Assert.Throws<ArgumentOutOfRangeException>(() => new BreathingPacer(swellDepthDb: -1)).ParamName);
        Assert.Equal("breathsPerMinute", Assert.Throws<ArgumentOutOfRangeException>(() => new BreathingPacer().SetMeasuredRate(60)).ParamName);
    }
}
