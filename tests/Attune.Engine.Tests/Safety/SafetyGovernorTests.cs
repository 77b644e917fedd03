using Attune.Engine.Events;
using Attune.Engine.Safety;

namespace Attune.Engine.Tests.Safety;

public class SafetyGovernorTests
{
    private const int Fs = AudioFormat.SampleRate, Block = AudioFormat.BlockSize;

    [Theory]
    [InlineData(OutputKind.Lossless, -1.0, -1.0)]
    [InlineData(OutputKind.Lossy, -1.0, -3.0)]
    [InlineData(OutputKind.Lossy, -6.0, -6.0)]
    public void Ceiling_is_the_lower_of_profile_and_output_kind(OutputKind kind, double profileCeiling, double expected)
    {
        var g = new SafetyGovernor(new TherapyProfile(ceilingDbtp: profileCeiling), kind, EventLog.Null);
        Assert.Equal(expected, g.CeilingDbtp);
    }

    [Fact]
    public void Hot_input_leaves_at_or_below_ceiling_and_max_loudness()
    {
        var profile = new TherapyProfile(maxLufs: -30);
        var g = new SafetyGovernor(profile, OutputKind.Lossy, EventLog.Null, fadeIn: false);
        var l = SignalFactory.Noise(0.5, 8 * Fs, 1);
        var r = SignalFactory.Noise(0.5, 8 * Fs, 2);
        SignalFactory.ProcessInBlocks(g, l, r);
        var tp = new TruePeakMeter();
        tp.Process(l, r);
        Assert.True(tp.MaxDbtp <= -3 + 0.1, $"true peak {tp.MaxDbtp}");
        var (st, _) = SafetyInvariants.Series(l, r);
        Assert.True(st.Max() <= -30, $"short-term {st.Max()}");
        Assert.True(g.Stats.MaxShortTermLufs <= -30);
        Assert.True(g.Stats.LoudnessReductions + g.Stats.SlewLimitations >= 1);
    }

    [Fact]
    public void Peaky_signal_under_the_loudness_limit_engages_the_limiter_and_logs_it()
    {
        // Sparse full-scale clicks: little loudness, high peaks.
        var log = EventLog.InMemory();
        var g = new SafetyGovernor(new TherapyProfile(maxLufs: -20, ceilingDbtp: -12), OutputKind.Lossless, log, fadeIn: false);
        var l = new float[4 * Fs];
        for (int i = 1000; i < l.Length; i += 12_000) for (int k = 0; k < 40; k++) l[i + k] = (float)Math.Sin(k * 0.3);
        var r = (float[])l.Clone();
        SignalFactory.ProcessInBlocks(g, l, r);
        var tp = new TruePeakMeter();
        tp.Process(l, r);
        Assert.True(tp.MaxDbtp <= -12 + 0.1, $"true peak {tp.MaxDbtp}");
        Assert.True(g.Stats.LimiterEngagements >= 1);
        Assert.Contains(log.Events, e => e.Stage == "safety" && e.Kind == "limiter_engaged");
        Assert.Contains(log.Events, e => e.Kind == "limiter_released");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Stop_and_too_loud_are_silent_within_50_ms(bool tooLoud)
    {
        var log = EventLog.InMemory();
        var g = new SafetyGovernor(TherapyProfile.Default, OutputKind.Lossless, log, fadeIn: false);
        var l = SignalFactory.Sine(440, 0.02, 560 * Block);
        var r = (float[])l.Clone();
        int stopBlock = Fs / Block; // ≈ 1 s
        for (int b = 0; b * Block < l.Length; b++)
        {
            if (b == stopBlock) { if (tooLoud) g.TooLoud(); else g.Stop(); }
            g.Process(l.AsSpan(b * Block, Block), r.AsSpan(b * Block, Block));
        }
        int stopFrame = stopBlock * Block;
        int firstSilent = -1;
        for (int i = stopFrame; i < l.Length; i++)
            if (Math.Abs(l[i]) < 1e-6 && l.Skip(i).All(v => Math.Abs(v) < 1e-6)) { firstSilent = i; break; }
        Assert.True(firstSilent >= 0);
        double ms = (firstSilent - stopFrame) * 1000.0 / Fs;
        Assert.True(ms <= 50, $"silent after {ms} ms");
        Assert.True(ms >= 20, $"ramp too abrupt: silent after {ms} ms");
        Assert.True(g.IsSilent);
        Assert.False(g.IsFinished);
        Assert.Contains(log.Events, e => e.Kind == (tooLoud ? "too_loud" : "stop"));
    }

    [Fact]
    public void Too_loud_stays_silent_until_resume_and_then_fades_back()
    {
        var g = new SafetyGovernor(TherapyProfile.Default, OutputKind.Lossless, EventLog.Null, fadeIn: false);
        var sine = SignalFactory.Sine(750, 0.01, 64); // exactly one period per 64 frames
        var buf = new float[Block];
        var right = new float[Block];
        g.TooLoud();
        double level = 0;
        for (int b = 0; b < 400; b++) // ≈ 2.1 s
        {
            for (int i = 0; i < Block; i++) buf[i] = right[i] = sine[i % 64];
            if (b == 200) g.Resume();
            g.Process(buf, right);
            if (b >= 20 && b < 200) Assert.All(buf, v => Assert.True(Math.Abs(v) < 1e-6));
            if (b >= 399) level = buf.Max(Math.Abs);
        }
        Assert.False(g.IsSilent);
        Assert.True(level > 0.001, $"level after resume {level}");
    }

    [Fact]
    public void Fade_out_finishes_after_five_seconds()
    {
        var log = EventLog.InMemory();
        var g = new SafetyGovernor(TherapyProfile.Default, OutputKind.Lossless, log, fadeIn: false);
        var l = new float[Block];
        var r = new float[Block];
        g.BeginFadeOut();
        int blocks = 0;
        while (!g.IsFinished && blocks < 10 * Fs / Block)
        {
            l.AsSpan().Fill(0.01f);
            r.AsSpan().Fill(0.01f);
            g.Process(l, r);
            blocks++;
        }
        double seconds = blocks * Block / (double)Fs;
        Assert.InRange(seconds, 5.0, 5.05);
        Assert.Equal(["configured", "fade_out_start", "finished"], log.Events.Select(e => e.Kind).Where(k => k != "loudness_restored").Take(3));
    }

    [Fact]
    public void Fade_in_rises_smoothly_over_five_seconds()
    {
        var g = new SafetyGovernor(TherapyProfile.Default, OutputKind.Lossless, EventLog.Null);
        var l = SignalFactory.Sine(1000, 0.01, 10 * Fs);
        var r = (float[])l.Clone();
        SignalFactory.ProcessInBlocks(g, l, r);
        double Rms(int from) => Math.Sqrt(l.Skip(from).Take(Fs / 10).Average(v => (double)v * v));
        Assert.True(Rms(Fs / 2) < Rms(2 * Fs) && Rms(2 * Fs) < Rms(4 * Fs), "fade-in must rise");
        // The slew rule (3 LU/s from MaxLufs − 20) may still hold the level just after the fade; by 9 s it is through.
        Assert.Equal(0.01 / Math.Sqrt(2), Rms(9 * Fs), 0.00002);
    }

    [Fact]
    public void Signal_inside_the_limits_passes_unchanged_apart_from_latency()
    {
        // −40 dBFS 1 kHz sine (≈ −40 LUFS), well under the −30 LUFS max and the −1 dBTP ceiling.
        var log = EventLog.InMemory();
        var g = new SafetyGovernor(TherapyProfile.Default, OutputKind.Lossless, log, fadeIn: false);
        // Established at that level for 8 s, then a 6 dB dip and return: the return is inside the 30 s maximum,
        // so the slew rule leaves it alone.
        var input = SignalFactory.Sine(1000, 0.01, 12 * Fs);
        for (int i = 8 * Fs; i < 9 * Fs; i++) input[i] *= 0.5f;
        var l = (float[])input.Clone();
        var r = (float[])input.Clone();
        SignalFactory.ProcessInBlocks(g, l, r);
        // 1e-4 = 1 % of the amplitude: the 5 Hz DC blocker turns a 1 kHz sine by 0.3°.
        for (int i = 7 * Fs; i < l.Length; i++)
            Assert.True(Math.Abs(l[i] - input[i - SafetyGovernor.LatencyFrames]) < 1e-4, $"frame {i}");
        Assert.Equal(0, g.Stats.LimiterEngagements);
        Assert.Equal(0, g.Stats.LoudnessReductions);
        // Only the first rise from silence is slewed.
        Assert.DoesNotContain(log.Events, e => e.TimeSeconds > 4 && e.Kind is "slew_limited" or "loudness_reduced");
    }

    [Fact]
    public void NaN_and_infinity_are_replaced_counted_and_logged_once_per_burst()
    {
        var log = EventLog.InMemory();
        var g = new SafetyGovernor(TherapyProfile.Default, OutputKind.Lossless, log, fadeIn: false);
        var l = SignalFactory.Sine(500, 0.01, Fs);
        var r = (float[])l.Clone();
        for (int i = 10_000; i < 10_600; i++) l[i] = float.NaN;   // one burst over three blocks
        r[30_000] = float.PositiveInfinity;                        // a second burst
        SignalFactory.ProcessInBlocks(g, l, r);
        Assert.All(l, v => Assert.True(float.IsFinite(v)));
        Assert.All(r, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(601, g.Stats.NonFiniteReplaced);
        Assert.Equal(2, log.Events.Count(e => e.Kind == "nan_replaced"));
    }

    [Fact]
    public void Steady_state_allocates_nothing()
    {
        var g = new SafetyGovernor(new TherapyProfile(Conditions.Hyperacusis), OutputKind.Lossless, EventLog.Null, fadeIn: false);
        var src = SignalFactory.Noise(0.3, Block * 64, 5);
        var l = new float[Block];
        var r = new float[Block];
        for (int b = 0; b < 2000; b++) Run(b);
        Assert.Equal(0, Allocation.LeastOfTwo(() =>
        {
            for (int b = 0; b < 1000; b++) Run(b);
        }));

        void Run(int b)
        {
            src.AsSpan(b % 64 * Block, Block).CopyTo(l);
            src.AsSpan((b + 7) % 64 * Block, Block).CopyTo(r);
            g.Process(l, r);
        }
    }

    [Fact]
    public void Dose_follows_the_output()
    {
        var g = new SafetyGovernor(new TherapyProfile(calibrationDbaAtFullScale: 100), OutputKind.Lossless, EventLog.Null, fadeIn: false);
        var l = SignalFactory.Sine(1000, 0.01, 4 * Fs);
        var r = (float[])l.Clone();
        SignalFactory.ProcessInBlocks(g, l, r);
        // AES17: mean square ½ is 0 dBFS; calibrated at 100 dB(A) for 0 dBFS (1 kHz: A-weighting is 0 dB).
        double meanSquare = l.Average(v => (double)v * v);
        Assert.Equal(100 + 10 * Math.Log10(2 * meanSquare), g.Dose.LaeqDba, 0.05);
        Assert.Equal(4, g.Dose.Seconds, 1e-9);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_their_range()
    {
        var g = new SafetyGovernor(TherapyProfile.Default, OutputKind.Lossless, EventLog.Null);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => g.SetListenerVolumeDb(6));
        Assert.Contains("-96", e.Message);
        Assert.Throws<ArgumentException>(() => g.Process(new float[Block + 1], new float[Block + 1]));
    }

    [Fact]
    public void Output_does_not_depend_on_block_sizes()
    {
        // Quiet noise with full-scale clicks, so the limiter acts; uneven blocks cut hops and look-ahead chunks differently.
        var l = SignalFactory.Noise(0.01, 2 * Fs, 11);
        var r = SignalFactory.Noise(0.01, 2 * Fs, 12);
        for (int i = 1000; i < l.Length; i += 12_000) for (int k = 0; k < 40; k++) l[i + k] = r[i + k] = (float)Math.Sin(k * 0.3);
        var profile = new TherapyProfile(maxLufs: -20, ceilingDbtp: -12);
        var even = new SafetyGovernor(profile, OutputKind.Lossless, EventLog.Null, fadeIn: false);
        var (l1, r1) = ((float[])l.Clone(), (float[])r.Clone());
        SignalFactory.ProcessInBlocks(even, l1, r1);
        var uneven = new SafetyGovernor(profile, OutputKind.Lossless, EventLog.Null, fadeIn: false);
        var rng = new SeededRandom(4);
        for (int start = 0; start < l.Length;)
        {
            int n = Math.Min(l.Length - start, 1 + rng.Next(Block));
            uneven.Process(l.AsSpan(start, n), r.AsSpan(start, n));
            start += n;
        }
        Assert.Equal(l1, l);
        Assert.Equal(r1, r);
        Assert.True(even.Stats.LimiterEngagements >= 1);
        Assert.Equal(even.Stats.MaxTruePeakDbtp, uneven.Stats.MaxTruePeakDbtp);
        // The ledger sums per block, so only the rounding of those sums may differ.
        Assert.Equal(even.Dose.DosePa2h, uneven.Dose.DosePa2h, 1e-12 * even.Dose.DosePa2h);
    }
}
