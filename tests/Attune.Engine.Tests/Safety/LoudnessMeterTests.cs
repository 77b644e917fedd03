using Attune.Engine.Safety;

namespace Attune.Engine.Tests.Safety;

public class LoudnessMeterTests
{
    private const int Fs = AudioFormat.SampleRate;

    [Fact]
    public void Full_scale_997Hz_sine_on_one_channel_reads_minus_3_01_LUFS()
    {
        // BS.1770-4 §2: a 0 dBFS 997 Hz sine in one channel of a stereo pair reads −3.01 LKFS.
        var meter = new LoudnessMeter();
        var x = SignalFactory.Sine(997, 1.0, 5 * Fs);
        meter.Process(x, new float[x.Length]);
        Assert.Equal(-3.01, meter.Momentary, 0.02);
        Assert.Equal(-3.01, meter.ShortTerm, 0.02);
        Assert.Equal(-3.01, meter.Integrated, 0.02);
    }

    [Fact]
    public void Sine_at_minus_20_dBFS_in_both_channels_reads_minus_20_LUFS()
    {
        var meter = new LoudnessMeter();
        var x = SignalFactory.Sine(997, Math.Pow(10, -20 / 20.0), 4 * Fs);
        meter.Process(x, x);
        // One channel: −20 − 3.01; two channels add 3.01 dB of power.
        Assert.Equal(-20.0, meter.ShortTerm, 0.02);
    }

    [Fact]
    public void Short_term_window_is_three_seconds()
    {
        var meter = new LoudnessMeter();
        var x = SignalFactory.Sine(997, 1.0, 3 * Fs / 2);
        meter.Process(x, new float[x.Length]);
        // Half the window filled: 3.01 dB below the full-window reading; momentary already full.
        Assert.Equal(-3.01 - 3.01, meter.ShortTerm, 0.03);
        Assert.Equal(-3.01, meter.Momentary, 0.02);
    }

    [Fact]
    public void Absolute_gate_ignores_near_silence()
    {
        var meter = new LoudnessMeter();
        Feed(meter, -20, 10);
        Feed(meter, -90, 10);
        // 97 whole −20 LUFS gating blocks, plus three that straddle the change with ¾, ½ and ¼ of that energy;
        // every block of the −90 LUFS part is below −70 LUFS and gated out.
        double expected = -20 + 10 * Math.Log10((97 + 0.75 + 0.5 + 0.25) / 100);
        Assert.Equal(expected, meter.Integrated, 0.02);
    }

    [Fact]
    public void Relative_gate_ignores_passages_10_LU_below_the_ungated_mean()
    {
        var meter = new LoudnessMeter();
        Feed(meter, -20, 10);
        Feed(meter, -35, 10);
        // Ungated mean of the two would be 10·log10((1 + 10^−1.5)/2) − 20 ≈ −22.87 LUFS; the −35 part falls below
        // the relative gate (−32.87) and is dropped.
        Assert.Equal(-20.0, meter.Integrated, 0.1);
        var ungated = new LoudnessMeter();
        Feed(ungated, -20, 10);
        Feed(ungated, -28, 10);
        double expected = 10 * Math.Log10((1 + Math.Pow(10, -0.8)) / 2) - 20;
        Assert.Equal(expected, ungated.Integrated, 0.1);
    }

    [Fact]
    public void Integrated_is_minus_infinity_for_silence()
    {
        var meter = new LoudnessMeter();
        var z = new float[Fs];
        meter.Process(z, z);
        Assert.Equal(double.NegativeInfinity, meter.Integrated);
        Assert.Equal(10, meter.Steps);
    }

    // Feeds a stereo 997 Hz sine that reads `lufs` for `seconds`.
    private static void Feed(LoudnessMeter meter, double lufs, int seconds)
    {
        double amplitude = Math.Pow(10, lufs / 20);
        var x = SignalFactory.Sine(997, amplitude, seconds * Fs);
        meter.Process(x, x);
    }
}
