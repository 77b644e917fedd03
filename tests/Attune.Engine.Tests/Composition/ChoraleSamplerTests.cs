using Attune.Engine.Composition.Model;

namespace Attune.Engine.Tests.Composition;

public class ChoraleSamplerTests
{
    private static ChoraleNade Model(float keyBias)
    {
        var model = ChoraleNade.CreateRandom(4, 16, 16, 3);
        for (int k = 0; k < ChoraleCorpus.KeyCount; k++) model.Parameters[model.OffB0 + k] = keyBias;
        return model;
    }

    private static SamplingSettings RandomSettings(SeededRandom rng)
    {
        int lowest = 21 + rng.Next(80);
        int highest = lowest + rng.Next(109 - lowest);
        var pitches = new int[rng.Next(6)];
        for (int i = 0; i < pitches.Length; i++) pitches[i] = lowest + rng.Next(highest - lowest + 1);
        var classes = new int[rng.Next(4)];
        for (int i = 0; i < classes.Length; i++) classes[i] = rng.Next(12);
        var draft = new SamplingSettings
        {
            Temperature = 0.1 + 3 * rng.NextDouble(), LowestNote = lowest, HighestNote = highest,
            ForbiddenPitches = pitches, ForbiddenPitchClasses = classes,
            Mode = (ScaleMode)rng.Next(3), Tonic = rng.Next(12), ModeStrength = 4 * rng.NextDouble(),
            Transposition = rng.Next(25) - 12,
        };
        int allowed = 0;
        for (int n = 21 + draft.Transposition; n <= 108 + draft.Transposition; n++) allowed += draft.IsAllowed(n) ? 1 : 0;
        int max = rng.Next(Math.Min(allowed, 8) + 1);
        return draft with { MaxVoices = max, MinVoices = rng.Next(max + 1) };
    }

    [Theory]
    [InlineData(-6f)] // sparse model: the voice minimum has to be enforced
    [InlineData(0f)] // dense model: the voice maximum has to be enforced
    [InlineData(3f)]
    public void Every_frame_honours_random_constraints(float keyBias)
    {
        var model = Model(keyBias);
        var rng = new SeededRandom(12);
        var notes = new int[ChoraleCorpus.KeyCount];
        for (int trial = 0; trial < 150; trial++)
        {
            var settings = RandomSettings(rng);
            var sampler = new ChoraleSampler(model, settings, rng.NextUInt64());
            for (int f = 0; f < 30; f++)
            {
                int count = sampler.NextFrame(notes);
                Assert.InRange(count, settings.MinVoices, settings.MaxVoices);
                for (int i = 0; i < count; i++)
                {
                    Assert.True(settings.IsAllowed(notes[i]), $"note {notes[i]} violates {settings}");
                    Assert.DoesNotContain(notes[i], settings.ForbiddenPitches);
                    Assert.DoesNotContain(notes[i] % 12, settings.ForbiddenPitchClasses);
                    if (i > 0) Assert.True(notes[i] > notes[i - 1]);
                }
            }
        }
    }

    [Fact]
    public void Same_seed_gives_same_frames_and_reset_restarts()
    {
        var model = Model(-1f);
        var settings = new SamplingSettings { MaxVoices = 4, Mode = ScaleMode.Minor, Tonic = 9 };
        string Run(ChoraleSampler s, int frames)
        {
            var notes = new int[88];
            var text = new System.Text.StringBuilder();
            for (int f = 0; f < frames; f++) text.Append(string.Join(',', notes[..s.NextFrame(notes)])).Append(';');
            return text.ToString();
        }
        var a = new ChoraleSampler(model, settings, 5);
        string first = Run(a, 40);
        Assert.Equal(first, Run(new ChoraleSampler(model, settings, 5), 40));
        Assert.NotEqual(first, Run(new ChoraleSampler(model, settings, 6), 40));
        Assert.Equal(40, a.FramesGenerated);
        a.Reset();
        Assert.Equal(0, a.FramesGenerated);
    }

    [Fact]
    public void Transposition_moves_the_same_draw_by_its_interval()
    {
        var model = Model(-1f);
        var plain = new ChoraleSampler(model, new SamplingSettings { LowestNote = 21, HighestNote = 100, MaxVoices = 6 }, 9);
        var moved = new ChoraleSampler(model, new SamplingSettings { LowestNote = 23, HighestNote = 102, MaxVoices = 6, Transposition = 2 }, 9);
        int[] a = new int[88], b = new int[88];
        int total = 0;
        for (int f = 0; f < 100; f++)
        {
            int n = plain.NextFrame(a);
            Assert.Equal(n, moved.NextFrame(b));
            for (int i = 0; i < n; i++) Assert.Equal(a[i] + 2, b[i]);
            total += n;
        }
        Assert.True(total > 50);
    }

    [Fact]
    public void Steady_state_sampling_allocates_nothing()
    {
        var sampler = new ChoraleSampler(Model(-2f), new SamplingSettings { MinVoices = 2, MaxVoices = 4, Mode = ScaleMode.Major }, 1);
        var notes = new int[88];
        for (int f = 0; f < 50; f++) sampler.NextFrame(notes);
        Assert.Equal(0, Allocation.LeastOfTwo(() =>
        {
            for (int f = 0; f < 500; f++) sampler.NextFrame(notes);
        }));
    }

    [Fact]
    public void Mode_preference_shifts_notes_into_the_scale()
    {
        var model = Model(-2f);
        double InScale(SamplingSettings s)
        {
            int[] major = [0, 2, 4, 5, 7, 9, 11];
            var sampler = new ChoraleSampler(model, s, 3);
            var notes = new int[88];
            int inside = 0, total = 0;
            for (int f = 0; f < 300; f++)
            {
                int n = sampler.NextFrame(notes);
                for (int i = 0; i < n; i++) { total++; inside += Array.IndexOf(major, (notes[i] - 2 + 12) % 12) >= 0 ? 1 : 0; }
            }
            return (double)inside / total;
        }
        double none = InScale(new SamplingSettings());
        double dMajor = InScale(new SamplingSettings { Mode = ScaleMode.Major, Tonic = 2, ModeStrength = 4 });
        Assert.True(dMajor > none + 0.2, $"in-scale share {dMajor} vs {none} without preference");
    }

    [Fact]
    public void Lower_temperature_makes_frames_more_predictable()
    {
        var model = Model(-1f);
        int Distinct(double temperature)
        {
            var sampler = new ChoraleSampler(model, new SamplingSettings { Temperature = temperature }, 4);
            var notes = new int[88];
            var seen = new HashSet<string>();
            for (int f = 0; f < 200; f++) seen.Add(string.Join(',', notes[..sampler.NextFrame(notes)]));
            return seen.Count;
        }
        Assert.True(Distinct(0.1) < Distinct(2.0));
    }

    [Theory]
    [InlineData("Temperature")]
    [InlineData("HighestNote")]
    [InlineData("MinVoices")]
    [InlineData("ForbiddenPitchClasses")]
    public void Invalid_settings_name_the_field(string field)
    {
        var bad = field switch
        {
            "Temperature" => new SamplingSettings { Temperature = 0 },
            "HighestNote" => new SamplingSettings { LowestNote = 60, HighestNote = 59 },
            "MinVoices" => new SamplingSettings { LowestNote = 60, HighestNote = 61, MinVoices = 3, MaxVoices = 4 },
            _ => new SamplingSettings { ForbiddenPitchClasses = [12] },
        };
        var e = Assert.ThrowsAny<ArgumentException>(() => new ChoraleSampler(Model(0f), bad, 1));
        Assert.Equal(field, e.ParamName);
    }
}
