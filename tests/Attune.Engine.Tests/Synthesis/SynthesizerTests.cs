using Attune.Engine;
using Attune.Engine.Synthesis;
using static Attune.Engine.Tests.Synthesis.SynthTestAudio;

namespace Attune.Engine.Tests.Synthesis;

public class SynthesizerTests
{
    [Theory]
    [InlineData(InstrumentKind.WarmPad, 57)]
    [InlineData(InstrumentKind.WarmPad, 69)]
    [InlineData(InstrumentKind.SoftKeys, 57)]
    [InlineData(InstrumentKind.SoftKeys, 72)]
    [InlineData(InstrumentKind.RoundBass, 40)]
    [InlineData(InstrumentKind.Chimes, 72)]
    public void Note_fundamental_is_within_half_a_percent(InstrumentKind kind, int pitch)
    {
        var synth = Single(kind);
        synth.Schedule(MusicEvent.NoteOn(0, 0, pitch, 0.8f));
        var (left, _) = Render(synth, Frames(0.2) + (1 << 16));
        double expected = 440 * Math.Pow(2, (pitch - 69) / 12.0);

        var (hz, prominence) = Fundamental(left.AsSpan(Frames(0.2)), expected);

        Assert.InRange(hz, expected * 0.995, expected * 1.005);
        Assert.True(prominence > 20, $"fundamental band only {prominence:F1}× its neighbours");
    }

    [Theory]
    [InlineData(InstrumentKind.RoundBass)]
    [InlineData(InstrumentKind.WarmPad)]
    [InlineData(InstrumentKind.Chimes)]
    [InlineData(InstrumentKind.SoftKeys)]
    public void Note_on_off_and_steal_never_jump(InstrumentKind kind)
    {
        // One voice: the second note steals the first.
        var synth = Single(kind, maxPolyphony: 1);
        synth.Schedule(MusicEvent.Control(0, 0, ControlKind.AttackSeconds, 0.002f));
        synth.Schedule(MusicEvent.Control(0, 0, ControlKind.ReleaseSeconds, 0.005f));
        int on = Frames(0.01) + 17, steal = Frames(1.0) + 101, off = Frames(2.0) + 5;
        synth.Schedule(MusicEvent.NoteOn(on, 0, 45, 1f));
        synth.Schedule(MusicEvent.NoteOn(steal, 0, 52, 1f));
        synth.Schedule(MusicEvent.NoteOff(off, 0, 52));
        var (left, right) = Render(synth, Frames(2.5));

        // Largest sample-to-sample step while the notes sound steadily, just after each attack and
        // just before each change; a jump (unfaded cut or start) would step by a sizeable part of
        // the peak, far above it.
        int ms = Frames(0.001);
        foreach (float[] x in new[] { left, right })
        {
            double steady = Math.Max(
                Math.Max(MaxStep(x.AsSpan(on + 5 * ms, 300 * ms)), MaxStep(x.AsSpan(steal - 300 * ms, 300 * ms))),
                Math.Max(MaxStep(x.AsSpan(steal + 20 * ms, 300 * ms)), MaxStep(x.AsSpan(off - 300 * ms, 300 * ms))));
            Assert.True(steady > 1e-4, "the notes should be audible");
            double atOn = MaxStep(x.AsSpan(on - 5 * ms, 10 * ms));
            double atSteal = MaxStep(x.AsSpan(steal - ms, 20 * ms));
            double atOff = MaxStep(x.AsSpan(off, 50 * ms));
            Assert.True(Math.Max(atOn, Math.Max(atSteal, atOff)) <= steady * 1.2,
                $"steps at on/steal/off {atOn:G3}/{atSteal:G3}/{atOff:G3} vs steady {steady:G3}");
        }
        Assert.True(MaxAbs(left.AsSpan(Frames(2.1))) < 1e-3, "note should have been released");
    }

    [Fact]
    public void Voice_count_never_exceeds_polyphony_and_newest_notes_sound()
    {
        var synth = Single(InstrumentKind.Chimes, maxPolyphony: 4);
        for (int i = 0; i < 20; i++) synth.Schedule(MusicEvent.NoteOn(i * 300, 0, 60 + i, 0.7f));
        var left = new float[AudioFormat.BlockSize];
        var right = new float[AudioFormat.BlockSize];
        int maxSeen = 0;
        for (int b = 0; b < 100; b++)
        {
            synth.Render(left, right);
            maxSeen = Math.Max(maxSeen, synth.ActiveVoices);
        }
        Assert.Equal(4, maxSeen);
        Assert.Equal(4, synth.ActiveVoices);
    }

    [Theory]
    [InlineData(InstrumentKind.Chimes, SoundClass.Metallic)]
    [InlineData(InstrumentKind.Wind, SoundClass.Breathy)]
    [InlineData(InstrumentKind.Rain, SoundClass.WaterLike)]
    [InlineData(InstrumentKind.SoftKeys, SoundClass.TonalStruck)]
    public void Parts_with_excluded_classes_are_silent(InstrumentKind kind, SoundClass excluded)
    {
        var settings = new SynthSettings(
            [new PartSettings(kind, 0f, 0f, 0.5f), new PartSettings(InstrumentKind.WarmPad, 0f, 0f, 0.5f)],
            excludedClasses: excluded);
        var synth = new Synthesizer(settings, new SeededRandom(3));
        for (int i = 0; i < 8; i++) synth.Schedule(MusicEvent.NoteOn(i * 2000, 0, 60 + i, 1f));
        var (left, right) = Render(synth, Frames(1.5));
        Assert.True(MaxAbs(left) < 1e-9 && MaxAbs(right) < 1e-9);
        Assert.Equal(0, synth.ActiveVoices);

        var allowed = new Synthesizer(new SynthSettings(settings.Parts), new SeededRandom(3));
        for (int i = 0; i < 8; i++) allowed.Schedule(MusicEvent.NoteOn(i * 2000, 0, 60 + i, 1f));
        Assert.True(MaxAbs(Render(allowed, Frames(1.5)).Left) > 0.01);
    }

    [Fact]
    public void Same_seed_and_events_give_identical_samples()
    {
        float[] Run(ulong seed)
        {
            var settings = new SynthSettings([new PartSettings(InstrumentKind.WarmPad), new PartSettings(InstrumentKind.Rain),
                new PartSettings(InstrumentKind.SoftKeys, -6f, 0.4f, 0.4f)]);
            var synth = new Synthesizer(settings, new SeededRandom(seed));
            synth.Schedule(MusicEvent.NoteOn(0, 0, 57, 0.6f));
            synth.Schedule(MusicEvent.NoteOn(0, 1, 60, 0.6f));
            synth.Schedule(MusicEvent.NoteOn(3000, 2, 64, 0.6f));
            synth.Schedule(MusicEvent.Control(9000, 0, ControlKind.Brightness, 0.9f));
            var (l, r) = Render(synth, Frames(1.0));
            return [.. l, .. r];
        }
        Assert.Equal(Run(11), Run(11));
        Assert.NotEqual(Run(11), Run(12));
    }

    [Theory]
    [InlineData(InstrumentKind.Chimes)]
    [InlineData(InstrumentKind.SoftKeys)]
    [InlineData(InstrumentKind.RoundBass)]
    public void Odd_block_sizes_render_the_same_sound(InstrumentKind kind)
    {
        // Short blocks take the scalar path for their tails, full blocks the vector path.
        float[] Run(int block)
        {
            var synth = Single(kind);
            synth.Schedule(MusicEvent.NoteOn(100, 0, 67, 0.9f));
            var left = new float[Frames(0.5)];
            var right = new float[left.Length];
            for (int pos = 0; pos < left.Length; pos += block)
            {
                int n = Math.Min(block, left.Length - pos);
                synth.Render(left.AsSpan(pos, n), right.AsSpan(pos, n));
            }
            return left;
        }
        float[] a = Run(AudioFormat.BlockSize), b = Run(37);
        double worst = 0;
        for (int i = 0; i < a.Length; i++) worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        Assert.True(MaxAbs(a) > 0.01);
        Assert.True(worst < 1e-4, $"block-size difference {worst:G3}");
    }

    [Fact]
    public void Notes_start_at_their_exact_frame()
    {
        var synth = Single(InstrumentKind.SoftKeys);
        const int onset = 1000; // mid-block
        synth.Schedule(MusicEvent.NoteOn(onset, 0, 69, 1f));
        var (left, _) = Render(synth, 2048);
        Assert.True(MaxAbs(left.AsSpan(0, onset)) == 0);
        Assert.True(MaxAbs(left.AsSpan(onset, 600)) > 1e-3);
    }

    [Fact]
    public void Render_allocates_nothing_in_steady_state()
    {
        var parts = new List<PartSettings>();
        foreach (InstrumentKind k in Enum.GetValues<InstrumentKind>()) parts.Add(new PartSettings(k, -6f, 0f, 0.4f));
        var synth = new Synthesizer(new SynthSettings(parts, maxPolyphony: 12), new SeededRandom(5));
        var left = new float[AudioFormat.BlockSize];
        var right = new float[AudioFormat.BlockSize];
        // Warm-up with the same kind of traffic, so every path (and the runtime's tiering) has run once.
        ScheduleTraffic(synth, parts.Count, 0, 150);
        synth.Schedule(MusicEvent.Control(75_000, 0, ControlKind.Brightness, 0.7f));
        for (int b = 0; b < 400; b++) synth.Render(left, right);
        ScheduleTraffic(synth, parts.Count, synth.FramePosition, 500);
        synth.Schedule(MusicEvent.Control(synth.FramePosition + 1000, 0, ControlKind.Brightness, 0.2f));

        Assert.Equal(0, Allocation.LeastOfTwo(() =>
        {
            for (int b = 0; b < 500; b++) synth.Render(left, right);
        }));
        Assert.True(synth.ActiveVoices > 0);
    }

    private static void ScheduleTraffic(Synthesizer synth, int parts, long start, int notes)
    {
        for (int i = 0; i < notes; i++)
        {
            long frame = start + i * 500L;
            int part = i % parts;
            synth.Schedule(MusicEvent.NoteOn(frame, part, 48 + i % 24, 0.7f));
            synth.Schedule(MusicEvent.NoteOff(frame + 300, part, 48 + (i + 20) % 24));
        }
    }

    [Fact]
    public void Part_gain_control_changes_level_smoothly()
    {
        var synth = Single(InstrumentKind.WarmPad);
        synth.Schedule(MusicEvent.NoteOn(0, 0, 60, 1f));
        synth.Schedule(MusicEvent.Control(Frames(2.0), 0, ControlKind.PartGain, -20f));
        var (left, _) = Render(synth, Frames(3.0));
        double before = MaxAbs(left.AsSpan(Frames(1.5), Frames(0.4)));
        double after = MaxAbs(left.AsSpan(Frames(2.5), Frames(0.4)));
        Assert.InRange(after / before, 0.07, 0.14);
        Assert.True(MaxStep(left.AsSpan(Frames(1.9), Frames(0.2))) <= MaxStep(left.AsSpan(Frames(1.5), Frames(0.4))) * 1.3);
    }

    [Theory]
    [InlineData(InstrumentKind.WarmPad, 57)]
    [InlineData(InstrumentKind.SoftKeys, 60)]
    [InlineData(InstrumentKind.Chimes, 72)]
    [InlineData(InstrumentKind.RoundBass, 40)]
    public void Brightness_raises_the_upper_harmonics(InstrumentKind kind, int pitch)
    {
        double fundamental = 440 * Math.Pow(2, (pitch - 69) / 12.0);
        double UpperShare(float brightness)
        {
            var synth = Single(kind);
            synth.Schedule(MusicEvent.Control(0, 0, ControlKind.Brightness, brightness));
            synth.Schedule(MusicEvent.Control(0, 0, ControlKind.AttackSeconds, 0.01f));
            synth.Schedule(MusicEvent.NoteOn(Frames(0.3), 0, pitch, 0.8f));
            var (left, _) = Render(synth, Frames(1.5));
            double[] psd = Attune.Engine.Analysis.Welch.PowerSpectralDensity(left.AsSpan(Frames(0.4)), 48_000, 8192);
            double total = 0, upper = 0;
            for (int k = 0; k < psd.Length; k++)
            {
                total += psd[k];
                if (k * 48_000.0 / 8192 > 1.5 * fundamental) upper += psd[k];
            }
            return upper / total;
        }
        double dark = UpperShare(0.1f), bright = UpperShare(0.9f);
        Assert.True(bright > 2 * dark, $"upper-harmonic share {dark:G3} → {bright:G3}");
    }

    [Fact]
    public void Attack_control_slows_the_onset()
    {
        // Time for the 20 ms RMS to reach half its steady value.
        double RiseSeconds(float attack)
        {
            var synth = Single(InstrumentKind.WarmPad);
            synth.Schedule(MusicEvent.Control(0, 0, ControlKind.AttackSeconds, attack));
            synth.Schedule(MusicEvent.NoteOn(0, 0, 60, 1f));
            var (left, _) = Render(synth, Frames(4.0));
            const int chunk = 960;
            double steady = Rms(left.AsSpan(Frames(3.0), Frames(1.0)));
            for (int c = 0; (c + 1) * chunk <= left.Length; c++)
                if (Rms(left.AsSpan(c * chunk, chunk)) >= 0.5 * steady) return (c + 0.5) * chunk / 48_000.0;
            return double.NaN;
        }
        Assert.InRange(RiseSeconds(0.1f), 0.02, 0.09);
        Assert.InRange(RiseSeconds(2f), 0.8, 1.2);
    }

    [Fact]
    public void Schedule_rejects_unknown_part()
    {
        var synth = Single(InstrumentKind.Chimes);
        Assert.Throws<ArgumentOutOfRangeException>(() => synth.Schedule(MusicEvent.NoteOn(0, 3, 60, 1f)));
    }

    [Fact]
    public void A_chord_struck_into_a_full_pool_keeps_all_its_new_notes()
    {
        // One slot is busy and one free: the first new note takes the free slot and, although still
        // silent in its attack, must not be the one the second new note steals.
        var synth = Single(InstrumentKind.SoftKeys, maxPolyphony: 2);
        synth.Schedule(MusicEvent.NoteOn(0, 0, 40, 0.8f));
        int chord = Frames(0.5);
        synth.Schedule(MusicEvent.NoteOn(chord, 0, 69, 0.8f));
        synth.Schedule(MusicEvent.NoteOn(chord, 0, 76, 0.8f));
        var (left, _) = Render(synth, chord + Frames(0.05) + (1 << 16));
        ReadOnlySpan<float> after = left.AsSpan(chord + Frames(0.05));
        foreach (int pitch in new[] { 69, 76 })
        {
            var (_, prominence) = Fundamental(after, 440 * Math.Pow(2, (pitch - 69) / 12.0));
            Assert.True(prominence > 20, $"pitch {pitch} only {prominence:F1}× its neighbours");
        }
    }

    [Fact]
    public void A_released_chime_frees_its_voice_once_below_minus_100_dB_without_a_jump()
    {
        var synth = Single(InstrumentKind.Chimes);
        int release = Frames(0.5);
        synth.Schedule(MusicEvent.NoteOn(0, 0, 84, 1f));
        synth.Schedule(MusicEvent.NoteOff(release, 0, 84));
        var left = new float[AudioFormat.BlockSize];
        var right = new float[AudioFormat.BlockSize];
        double lastPeak = 1;
        int freedAt = -1;
        for (int pos = 0; pos < Frames(5) && freedAt < 0; pos += AudioFormat.BlockSize)
        {
            synth.Render(left, right);
            if (pos > release && synth.ActiveVoices == 0) freedAt = pos;
            else lastPeak = MaxAbs(left);
        }
        // The envelope alone would reach −80 dB only 3.3 s after release; the chime's own decay gets there sooner.
        Assert.InRange(freedAt, release, release + Frames(3.0));
        Assert.True(lastPeak < 3e-5, $"last block before freeing peaked at {lastPeak:G3}");
    }

    private static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x) sum += v * v;
        return Math.Sqrt(sum / x.Length);
    }
}
