using Attune.Engine;
using Attune.Engine.Composition;
using Attune.Engine.Composition.Model;

namespace Attune.Engine.Tests.Composition;

public class IntentGlideTests
{
    private static MusicalIntent RandomIntent(SeededRandom r) => new(
        40 + 100 * r.NextDouble(), 48 + 28 * r.NextDouble(), r.NextDouble(), r.NextDouble(), -18 * r.NextDouble(),
        r.NextDouble(), r.NextDouble() < 0.5 ? ScaleMode.Major : ScaleMode.Minor, 0.005 + 0.495 * r.NextDouble());

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Glided_intent_never_moves_faster_than_the_documented_limits(ulong seed)
    {
        var r = new SeededRandom(seed);
        var glide = new IntentGlide(RandomIntent(r));
        const double eps = 1e-12;
        for (int step = 0; step < 20_000; step++)
        {
            if (r.NextDouble() < 0.01) glide.Target = RandomIntent(r); // a new target every ~1 s of blocks
            // Block-sized steps, occasionally a long jump in time.
            double dt = r.NextDouble() < 0.01 ? 2.0 : (1 + r.Next(AudioFormat.BlockSize)) / (double)AudioFormat.SampleRate;
            MusicalIntent before = glide.Current;
            glide.Advance(dt);
            MusicalIntent after = glide.Current;
            double tempoLimit = Math.Min(IntentGlide.MaxTempoBpmPerSecond, IntentGlide.MaxTempoFractionPerSecond * before.TempoBpm) * dt;
            Assert.True(Math.Abs(after.TempoBpm - before.TempoBpm) <= tempoLimit + eps, $"tempo jumped {before.TempoBpm}→{after.TempoBpm} in {dt} s");
            Assert.True(Math.Abs(after.Register - before.Register) <= IntentGlide.MaxRegisterPerSecond * dt + eps);
            Assert.True(Math.Abs(after.Density - before.Density) <= IntentGlide.MaxUnitPerSecond * dt + eps);
            Assert.True(Math.Abs(after.Brightness - before.Brightness) <= IntentGlide.MaxUnitPerSecond * dt + eps);
            Assert.True(Math.Abs(after.Predictability - before.Predictability) <= IntentGlide.MaxUnitPerSecond * dt + eps);
            Assert.True(Math.Abs(after.LoudnessDb - before.LoudnessDb) <= IntentGlide.MaxLoudnessDbPerSecond * dt + eps);
            Assert.True(Math.Abs(after.AttackSeconds - before.AttackSeconds) <= IntentGlide.MaxAttackSecondsPerSecond * dt + eps);
        }
    }

    [Fact]
    public void Tempo_changes_by_at_most_three_percent_per_beat()
    {
        var glide = new IntentGlide(MusicalIntent.ForArousal(0));
        glide.Target = new MusicalIntent(140, 60, 0.5, 0.5, -6, 0.5);
        double worst = 0;
        for (int beat = 0; beat < 200; beat++)
        {
            double before = glide.TempoBpm;
            glide.Advance(60 / before);
            worst = Math.Max(worst, Math.Abs(glide.TempoBpm / before - 1));
        }
        Assert.InRange(worst, 0.005, 0.03);
    }

    [Fact]
    public void Glide_takes_seconds_not_a_block_and_then_settles_on_the_target()
    {
        var glide = new IntentGlide(MusicalIntent.ForArousal(0.8));
        MusicalIntent target = MusicalIntent.ForArousal(0.2);
        glide.Target = target;
        glide.Advance(1.0);
        MusicalIntent oneSecond = glide.Current;
        Assert.True(oneSecond.TempoBpm > target.TempoBpm + 20, "tempo must still be far from the target after 1 s");
        Assert.True(oneSecond.Brightness > target.Brightness + 0.2);
        for (int i = 0; i < 600; i++) glide.Advance(0.5);
        Assert.Equal(target, glide.Current);
    }

    [Fact]
    public void Advance_rejects_negative_time()
    {
        var glide = new IntentGlide(MusicalIntent.ForArousal(0.5));
        Assert.Equal("seconds", Assert.Throws<ArgumentOutOfRangeException>(() => glide.Advance(-1)).ParamName);
    }
}
