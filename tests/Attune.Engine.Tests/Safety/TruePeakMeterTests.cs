using Attune.Engine.Safety;

namespace Attune.Engine.Tests.Safety;

public class TruePeakMeterTests
{
    [Fact]
    public void Quarter_rate_sine_at_45_degrees_reads_its_true_peak_not_its_samples()
    {
        var x = SignalFactory.Sine(AudioFormat.SampleRate / 4.0, 1.0, 4800, Math.PI / 4);
        Assert.Equal(Math.Sqrt(0.5), x.Max(v => Math.Abs(v)), 1e-6); // samples never exceed 0.707
        var meter = new TruePeakMeter();
        meter.Process(x, x);
        Assert.Equal(0.0, meter.MaxDbtp, 0.1);
    }

    [Theory]
    [InlineData(997, 0.5)]
    [InlineData(5000, 0.25)]
    [InlineData(15_000, 0.1)]
    public void Sine_reads_its_amplitude(double hz, double amplitude)
    {
        var x = SignalFactory.Sine(hz, amplitude, 9600, 0.3);
        // A 10 ms raised-cosine onset: an abrupt start would overshoot (Gibbs) in any band-limited reconstruction.
        for (int i = 0; i < 480; i++) x[i] *= (float)(0.5 - 0.5 * Math.Cos(Math.PI * i / 480));
        var meter = new TruePeakMeter();
        meter.Process(x, new float[x.Length]);
        Assert.Equal(20 * Math.Log10(amplitude), meter.MaxDbtp, 0.05);
    }

    [Fact]
    public void Flush_measures_the_last_samples()
    {
        var x = new float[100];
        x[^1] = 0.5f;
        var meter = new TruePeakMeter();
        meter.Process(x, x);
        meter.Flush();
        Assert.True(meter.MaxLinear >= 0.5);
    }

    [Fact]
    public void Result_does_not_depend_on_how_the_stream_is_split()
    {
        // Quiet stretches (skipped), bursts (interpolated) and a hot inter-sample peak straddling block edges.
        var l = SignalFactory.Noise(0.01, 3000, 7);
        var r = SignalFactory.Noise(0.01, 3000, 8);
        for (int i = 1000; i < 1400; i++) l[i] = (float)(0.6 * Math.Sin(Math.PI / 2 * i + Math.PI / 4));
        var whole = new TruePeakMeter();
        whole.Process(l, r);
        whole.Flush();
        var pieces = new TruePeakMeter();
        var rng = new SeededRandom(3);
        for (int start = 0; start < l.Length;)
        {
            int n = Math.Min(l.Length - start, 1 + rng.Next(300));
            pieces.Process(l.AsSpan(start, n), r.AsSpan(start, n));
            start += n;
        }
        pieces.Flush();
        Assert.Equal(whole.MaxLinear, pieces.MaxLinear);
        // Samples of the quarter-rate burst reach only 0.6·√½ ≈ 0.42; its true peak is 0.6.
        Assert.True(whole.MaxLinear > 0.59, $"the burst's true peak (0.6) must be found, got {whole.MaxLinear}");
    }
}
