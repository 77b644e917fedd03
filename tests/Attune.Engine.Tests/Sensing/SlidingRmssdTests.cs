using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class SlidingRmssdTests
{
    [Theory]
    [InlineData(59.9)]
    [InlineData(120.1)]
    [InlineData(double.NaN)]
    public void Window_outside_60_to_120_s_is_rejected_naming_the_parameter(double seconds)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingRmssd(seconds));
        Assert.Equal("windowSeconds", e.ParamName);
        Assert.Contains("60–120", e.Message);
    }

    [Fact]
    public void Value_is_null_until_ten_beats_then_matches_the_batch_rmssd()
    {
        var s = new SlidingRmssd(60);
        var rr = SyntheticRr.Realistic(20, seed: 3);
        for (int i = 0; i < 9; i++) s.Add(rr[i]);
        Assert.Null(s.Value);
        s.Add(rr[9]);
        Assert.Equal(HrvAnalyzer.Analyze(rr[..10]).RmssdMs!.Value, s.Value!.Value, 9);
        Assert.Equal(10, s.Count);
    }

    [Fact]
    public void Window_holds_only_the_last_window_seconds_and_matches_a_batch_computation()
    {
        var s = new SlidingRmssd(90);
        var rr = SyntheticRr.Realistic(900, seed: 7);
        foreach (double v in rr) Assert.True(s.Add(v));
        // The window is the longest tail of beats whose durations sum to at most 90 s.
        int start = rr.Count;
        double sum = 0;
        while (start > 0 && sum + rr[start - 1] <= 90_000) sum += rr[--start];
        var tail = rr[start..];
        Assert.Equal(tail.Count, s.Count);
        var batch = HrvAnalyzer.Analyze(tail);
        Assert.Equal(batch.RmssdMs!.Value, s.Value!.Value, 6);
        Assert.Equal(batch.MeanHeartRateBpm, s.MeanHeartRateBpm!.Value, 6);
    }

    [Fact]
    public void Out_of_range_beats_are_ignored_and_counted()
    {
        var s = new SlidingRmssd();
        Assert.False(s.Add(250));
        Assert.False(s.Add(2500));
        Assert.False(s.Add(double.NaN));
        Assert.True(s.Add(800));
        Assert.Equal(1, s.Count);
        Assert.Equal(3, s.RejectedCount);
        Assert.Equal(75, s.MeanHeartRateBpm!.Value, 9);
    }

    [Fact]
    public void Fast_beats_never_overflow_the_ring_and_add_does_not_allocate()
    {
        var s = new SlidingRmssd(60);
        for (int i = 0; i < 1000; i++) s.Add(300);
        Assert.Equal(200, s.Count); // 200 × 300 ms = 60 s exactly
        Assert.Equal(200, s.MeanHeartRateBpm!.Value, 9);
        Assert.Equal(0, Allocation.LeastOfTwo(() =>
        {
            for (int i = 0; i < 10_000; i++) s.Add(300 + (i % 7) * 100);
        }));
    }

    [Fact]
    public void Clear_empties_the_window()
    {
        var s = new SlidingRmssd();
        for (int i = 0; i < 20; i++) s.Add(800 + i);
        s.Clear();
        Assert.Equal(0, s.Count);
        Assert.Null(s.Value);
        Assert.Null(s.MeanHeartRateBpm);
    }
}
