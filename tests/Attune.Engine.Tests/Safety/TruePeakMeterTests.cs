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
}
