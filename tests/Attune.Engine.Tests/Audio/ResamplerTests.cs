using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Audio;

public sealed class ResamplerTests
{
    private static ReadOnlySpan<float> Middle(float[] x, double fraction = 0.25) =>
        x.AsSpan((int)(x.Length * fraction), (int)(x.Length * (1 - 2 * fraction)));

    [Theory]
    [InlineData(44_100)] // 160 exact phase filters
    [InlineData(22_050)]
    [InlineData(44_101)] // no small ratio: interpolated kernel table
    public void Sine_1kHz_to_48k_keeps_frequency_with_low_thd_plus_noise(int inputRate)
    {
        float[] input = SignalMeasure.Sine(inputRate, 1000, inputRate, 0.5);
        float[] output = new Resampler(inputRate, 48_000).Process(input);

        Assert.Equal(48_000, output.Length);
        double frequency = SignalMeasure.FrequencyByZeroCrossings(Middle(output), 48_000);
        Assert.InRange(frequency, 999.99, 1000.01);
        double thdN = SignalMeasure.ThdPlusNoiseDb(Middle(output), 1000, 48_000);
        Assert.True(thdN < -90, $"THD+N {thdN:F1} dB");
    }

    [Theory]
    [InlineData(22_050)]
    [InlineData(44_100)]
    [InlineData(96_000)]
    [InlineData(32_000)]
    public void Output_length_follows_the_rate_ratio(int inputRate)
    {
        var resampler = new Resampler(inputRate, 48_000);
        float[] output = resampler.Process(new float[inputRate / 2]);
        Assert.Equal(24_000, output.Length);
        Assert.Equal(24_000, resampler.OutputLength(inputRate / 2));
    }

    [Fact]
    public void Tone_above_output_nyquist_is_attenuated_80_dB_when_downsampling()
    {
        float[] input = Faded(SignalMeasure.Sine(96_000, 30_000, 96_000, 0.9));
        float[] output = new Resampler(96_000, 48_000).Process(input);

        double attenuation = 20 * Math.Log10(SignalMeasure.Rms(Middle(output)) / SignalMeasure.Rms(Middle(input)));
        Assert.True(attenuation <= -80, $"30 kHz leaks at {attenuation:F1} dB");
    }

    [Theory]
    [InlineData(44_100, 100)]
    [InlineData(44_100, 1_000)]
    [InlineData(44_100, 10_000)]
    [InlineData(44_100, 15_000)]
    [InlineData(44_100, 18_000)]
    [InlineData(22_050, 5_000)]
    [InlineData(96_000, 1_000)]
    [InlineData(96_000, 18_000)]
    [InlineData(44_101, 18_000)]
    public void Passband_is_flat_within_0_1_dB_up_to_18_kHz(int inputRate, double frequency)
    {
        float[] input = SignalMeasure.Sine(inputRate / 2, frequency, inputRate, 0.5);
        float[] output = new Resampler(inputRate, 48_000).Process(input);

        var (amplitude, _) = SignalMeasure.FitSine(Middle(output), frequency, 48_000);
        double gainDb = 20 * Math.Log10(amplitude / 0.5);
        Assert.InRange(gainDb, -0.1, 0.1);
    }

    [Fact]
    public void Same_rate_copies_samples_exactly()
    {
        float[] input = SignalMeasure.Sine(4800, 1234, 48_000, 0.7);
        float[] output = new Resampler(48_000, 48_000).Process(input);
        for (int i = 0; i < input.Length; i++)
            Assert.Equal(input[i], output[i]);
    }

    [Theory]
    [InlineData(0, 48_000)]
    [InlineData(48_000, 999)]
    [InlineData(800_000, 48_000)]
    public void Rejects_rates_outside_range(int inRate, int outRate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Resampler(inRate, outRate));
        Assert.Contains("1000..768000", e.Message);
    }

    private static float[] Faded(float[] x)
    {
        // Half-second raised-cosine fades keep the tone's switch-on transient out of the measurement.
        int fade = x.Length / 4;
        for (int i = 0; i < fade; i++)
        {
            float g = (float)(0.5 - 0.5 * Math.Cos(Math.PI * i / fade));
            x[i] *= g;
            x[^(i + 1)] *= g;
        }
        return x;
    }
}
