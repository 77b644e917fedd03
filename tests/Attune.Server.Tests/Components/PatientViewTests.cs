using System.Text.Json;
using Attune.Server.Components;
using Attune.Server.Components.Patient;
using Attune.Server.Features.Profile;

namespace Attune.Server.Tests.Components;

/// <summary>The app's view logic that runs in C# (Components/Patient): the staircase, the plot, the live words, the profile model.</summary>
public class PatientViewTests
{
    // A listener who hears every level at or above their threshold, and nothing below it.
    [Theory]
    [InlineData(-45)]
    [InlineData(-20)]
    [InlineData(-35)]
    public void The_staircase_finds_a_consistent_listeners_threshold_within_one_5_dB_step(int thresholdDb)
    {
        var staircase = new ThresholdStaircase(-30);
        int? found = null;
        while (found is null) found = staircase.Answer(staircase.Level >= thresholdDb);
        Assert.InRange(found.Value, thresholdDb, thresholdDb + 5);
        Assert.True(staircase.Trials <= ThresholdStaircase.MaxTrials);
        Assert.Throws<InvalidOperationException>(() => staircase.Answer(true));
    }

    [Fact]
    public void The_staircase_stops_at_the_floor_when_even_the_softest_level_is_heard_and_after_16_answers_at_most()
    {
        var everything = new ThresholdStaircase(-30);
        int? found = null;
        while (found is null) found = everything.Answer(true);
        Assert.Equal(ThresholdStaircase.MinDb, found);

        var nothing = new ThresholdStaircase(-30);
        found = null;
        while (found is null) found = nothing.Answer(false);
        Assert.Equal(ThresholdStaircase.MaxTrials, nothing.Trials);
        Assert.Equal(ThresholdStaircase.MaxDb, found); // never heard: the loudest level tried
    }

    [Fact]
    public void A_plot_line_spans_the_box_and_breaks_where_a_value_is_missing()
    {
        string d = LinePlot.PathOf(new LinePlot.Line([0.0, 1.0, null, 0.5, 1.0], 0, 1));
        // x from 6 to 634 over 5 points; y from 154 (0) to 6 (1); a gap starts a new segment with M.
        Assert.Equal("M6,154 L163,6 M477,80 L634,6", d);
        Assert.Equal("", LinePlot.PathOf(new LinePlot.Line([1.0, null])));
    }

    [Fact]
    public void The_state_message_reads_as_plain_words_and_the_summary_leaves_out_technical_figures()
    {
        var state = JsonDocument.Parse("""
            {"type":"state","heart_rate_bpm":88.4,"arousal":0.7,"breathing_bpm":6,
             "music":{"tempo_bpm":64.2,"phase":"match","reason":"meeting you where you are"}}
            """).RootElement;
        Assert.Equal("Your heart rate is 88 beats a minute. You seem tense. "
            + "The music is at 64 beats a minute, match: meeting you where you are. Breathe along at about 6 breaths a minute if you like.",
            LiveWords.StateText(state));
        Assert.Equal("Still getting to know how you are.", LiveWords.StateText(JsonDocument.Parse("""{"type":"state"}""").RootElement));

        var summary = JsonDocument.Parse("""
            {"end_reason":"listener_stopped","minutes_listened":12.345,"heart_rate_bpm_per_minute":[70.5,null,68],
             "ratings_before":{"distress":6},"sound_dose_calibrated":false,"underruns":3,"server":{"frames":10},"decisions":[]}
            """).RootElement;
        var facts = LiveWords.Facts(summary).ToDictionary(f => f.Term, f => f.Text);
        Assert.Equal("listener stopped", facts["Why it ended"]);
        Assert.Equal("12.3", facts["Minutes listened"]);
        Assert.Equal("distress 6", facts["Your ratings at the start"]);
        Assert.Equal("no", facts["Sound dose measured on calibrated headphones"]);
        Assert.Equal(4, facts.Count); // not the lists, not underruns, server or decisions
        Assert.Equal([70.5, null, 68.0], LiveWords.Numbers(summary, "heart_rate_bpm_per_minute"));
    }

    [Fact]
    public void The_profile_model_round_trips_a_profile_and_names_a_field_that_is_not_a_number()
    {
        var model = new ProfileModel();
        model.Fill(new ProfileResponse(["tinnitus"], 4000, 0.5, -80, 20, -30, -3, ["percussiveClicky"], ["eating"],
            JsonDocument.Parse("""{"tinnitus_loudness_db_sl":12}""").RootElement, null));
        Assert.Equal("4000", model.Numbers["tinnitusHz"]);
        Assert.Contains("PercussiveClicky", model.ExcludedSoundClasses); // names compare without case
        model.SetPreference("soft_noise_comfortable_db", -12);

        var (request, errors) = model.ToRequest();
        Assert.False(errors.Any);
        Assert.Equal(4000, request!.TinnitusHz);
        Assert.Equal(-80, request.JustAudibleDbfs);
        Assert.Equal(12, request.Preferences!.Value.GetProperty("tinnitus_loudness_db_sl").GetDouble());
        Assert.Equal(-12, request.Preferences!.Value.GetProperty("soft_noise_comfortable_db").GetDouble());

        model.Numbers["maxLufs"] = "loud";
        model.Numbers["tinnitusHz"] = "";
        (request, errors) = model.ToRequest();
        Assert.Null(request);
        Assert.Equal(["must be a number"], errors.For("maxLufs"));
        Assert.Empty(errors.For("tinnitusHz")); // empty means "not set", which is allowed
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Set("loudness", 1));
    }
}
