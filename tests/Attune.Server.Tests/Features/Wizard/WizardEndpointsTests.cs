using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Attune.Engine;
using Attune.Engine.Audio;
using Attune.Engine.Fitting;
using Attune.Server.Tests.Fixtures;

namespace Attune.Server.Tests.Features.Wizard;

/// <summary>The set-up wizard's sounds and pitch match over HTTP (SQLite only: the feature stores one ordinary row).</summary>
public sealed class WizardEndpointsTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedInAsync()
    {
        var client = factory.NewClient();
        await Api.RegisterAsync(client);
        return client;
    }

    private static async Task<WavAudio> WavAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        return WavFileReader.Read(stream);
    }

    private static double RmsDb(float[] x, int skip)
    {
        double sum = 0;
        for (int i = skip; i < x.Length - skip; i++) sum += (double)x[i] * x[i];
        return Decibels.FromPower(sum / (x.Length - 2 * skip));
    }

    [Fact]
    public async Task Tone_is_a_float_48_kHz_stereo_wav_of_the_requested_length_and_level()
    {
        using var client = await SignedInAsync();
        var wav = await WavAsync(await client.GetAsync("/api/wizard/tone?hz=1000&level_db=-10&ms=500", Ct));
        Assert.Equal(48_000, wav.SampleRate);
        Assert.Equal(32, wav.BitsPerSample);
        Assert.True(wav.IsFloat);
        Assert.Equal(2, wav.Channels.Length);
        Assert.Equal(24_000, wav.FrameCount);
        double expected = FittingLevels.LevelDbfs(TherapyProfile.Default, -10);
        Assert.Equal(expected, RmsDb(wav.Channels[0], 2400), 0.5);
        Assert.Equal(expected, RmsDb(wav.Channels[1], 2400), 0.5);
    }

    [Fact]
    public async Task The_quietest_step_keeps_its_level_far_below_the_16_bit_floor()
    {
        using var client = await SignedInAsync();
        // −60 dB below the reference is ≈ −113 dBFS: 16-bit samples would hold only dither there.
        var wav = await WavAsync(await client.GetAsync("/api/wizard/tone?hz=1000&level_db=-60&ms=500", Ct));
        double expected = FittingLevels.LevelDbfs(TherapyProfile.Default, -60);
        Assert.True(expected < -100, $"{expected:0.0} dBFS");
        Assert.Equal(expected, RmsDb(wav.Channels[0], 2400), 0.5);
    }

    [Fact]
    public async Task The_reference_level_follows_the_persons_max_lufs()
    {
        using var client = await SignedInAsync();
        var put = await client.PutAsync("/api/profile", new StringContent("{\"maxLufs\":-45}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var wav = await WavAsync(await client.GetAsync("/api/wizard/tone?hz=1000&level_db=0&ms=1000", Ct));
        Assert.Equal(FittingLevels.ReferenceDbfs(new TherapyProfile(maxLufs: -45)), RmsDb(wav.Channels[0], 2400), 0.5);
    }

    [Theory]
    [InlineData("pink", 300)]
    [InlineData("white", 200)]
    [InlineData("narrow", 3000)]
    public async Task Noise_is_a_wav_of_the_requested_length(string color, int ms)
    {
        using var client = await SignedInAsync();
        var wav = await WavAsync(await client.GetAsync($"/api/wizard/noise?level_db=-20&ms={ms}&color={color}", Ct));
        Assert.Equal(48_000, wav.SampleRate);
        Assert.Equal(2, wav.Channels.Length);
        Assert.Equal(ms * 48, wav.FrameCount);
        Assert.True(RmsDb(wav.Channels[0], 960) > -100, "the clip is not silent");
    }

    [Theory]
    [InlineData("/api/wizard/tone?hz=100&level_db=-10&ms=500", "hz", "must be within 250–16000 Hz")]
    [InlineData("/api/wizard/tone?hz=1000&level_db=5&ms=500", "level_db", "must be within -60–0 dB")]
    [InlineData("/api/wizard/tone?hz=1000&level_db=-10&ms=10", "ms", "must be within 200–3000 ms")]
    [InlineData("/api/wizard/tone?level_db=-10&ms=500", "hz", "must be within 250–16000 Hz")]
    [InlineData("/api/wizard/tone?hz=abc&level_db=-10&ms=500", "hz", "must be within 250–16000 Hz")]
    [InlineData("/api/wizard/tone?hz=1000&level_db=-10&ms=500.5", "ms", "must be a whole number of milliseconds")]
    [InlineData("/api/wizard/noise?level_db=5&ms=500", "level_db", "must be within -60–0 dB")]
    [InlineData("/api/wizard/noise?level_db=-10&ms=10", "ms", "must be within 200–3000 ms")]
    [InlineData("/api/wizard/noise?level_db=-10&ms=500&color=blue", "color", "must be one of: pink, white, narrow")]
    [InlineData("/api/wizard/noise?level_db=-10&ms=500&color=narrow&hz=20000", "hz", "must be within 250–16000 Hz")]
    public async Task Bad_values_are_problems_naming_the_field_and_range(string url, string field, string message)
    {
        using var client = await SignedInAsync();
        var problem = await Api.ProblemAsync(await client.GetAsync(url, Ct), HttpStatusCode.BadRequest);
        Assert.Contains(message, Api.ErrorsFor(problem, field));
    }

    [Theory]
    [InlineData("GET", "/api/wizard/tone?hz=1000&level_db=-10&ms=500")]
    [InlineData("GET", "/api/wizard/noise?level_db=-10&ms=500")]
    [InlineData("POST", "/api/wizard/pitch-match")]
    public async Task Signed_out_is_a_401_problem(string method, string url)
    {
        using var client = factory.NewClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        await Api.ProblemAsync(await client.SendAsync(request, Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_full_pitch_match_saves_a_tinnitus_match()
    {
        using var client = await SignedInAsync();
        var start = await Api.ReadJsonAsync(await client.PostAsJsonAsync("/api/wizard/pitch-match", new { }, Ct));
        string runId = start.GetProperty("run_id").GetString()!;
        var trial = start.GetProperty("trial");
        JsonElement result = default;
        int answered = 0;
        while (true)
        {
            // A listener whose tinnitus is at 6 kHz picks the tone nearer in octaves.
            double a = trial.GetProperty("a_hz").GetDouble(), b = trial.GetProperty("b_hz").GetDouble();
            string choice = Math.Abs(Math.Log2(a / 6000)) <= Math.Abs(Math.Log2(b / 6000)) ? "a" : "b";
            var response = await client.PostAsJsonAsync($"/api/wizard/pitch-match/{runId}/answer",
                new { trial_id = trial.GetProperty("trial_id").GetInt32(), choice }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await Api.ReadJsonAsync(response);
            answered++;
            if (body.GetProperty("done").GetBoolean())
            {
                result = body.GetProperty("result");
                break;
            }
            trial = body.GetProperty("trial");
            Assert.True(answered < 100, "the match ends");
        }
        double best = result.GetProperty("best_hz").GetDouble();
        Assert.True(Math.Abs(Math.Log2(best / 6000)) < 1.0 / 6, $"best {best} Hz");
        Assert.True(result.GetProperty("octave_checked").GetBoolean());
        Assert.Equal(answered, result.GetProperty("trials").GetInt32());
        Assert.InRange(answered, 18, 24);

        var matches = await Api.ReadJsonAsync(await client.GetAsync("/api/profile/tinnitus-matches", Ct));
        var match = Assert.Single(matches.EnumerateArray());
        Assert.Equal(best, match.GetProperty("bestEstimateHz").GetDouble());
        Assert.Equal(result.GetProperty("low_hz").GetDouble(), match.GetProperty("rangeLowHz").GetDouble());
        Assert.Equal(result.GetProperty("high_hz").GetDouble(), match.GetProperty("rangeHighHz").GetDouble());
        Assert.True(match.GetProperty("octaveConfusionChecked").GetBoolean());
        var measuredAt = match.GetProperty("measuredAt").GetDateTime().ToUniversalTime();
        Assert.InRange(measuredAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));

        // A finished run takes no more answers.
        var again = await client.PostAsJsonAsync($"/api/wizard/pitch-match/{runId}/answer", new { trial_id = 1, choice = "a" }, Ct);
        await Api.ProblemAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_users_run_is_not_found_and_bad_answers_name_the_field()
    {
        using var owner = await SignedInAsync();
        var start = await Api.ReadJsonAsync(await owner.PostAsJsonAsync("/api/wizard/pitch-match", new { }, Ct));
        string runId = start.GetProperty("run_id").GetString()!;
        int trialId = start.GetProperty("trial").GetProperty("trial_id").GetInt32();

        using var other = await SignedInAsync();
        await Api.ProblemAsync(await other.PostAsJsonAsync($"/api/wizard/pitch-match/{runId}/answer", new { trial_id = trialId, choice = "a" }, Ct),
            HttpStatusCode.NotFound);
        await Api.ProblemAsync(await owner.PostAsJsonAsync($"/api/wizard/pitch-match/{Guid.NewGuid()}/answer", new { trial_id = trialId, choice = "a" }, Ct),
            HttpStatusCode.NotFound);

        var wrongTrial = await Api.ProblemAsync(await owner.PostAsJsonAsync($"/api/wizard/pitch-match/{runId}/answer",
            new { trial_id = trialId + 5, choice = "a" }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains($"must be {trialId} (the current trial)", Api.ErrorsFor(wrongTrial, "trial_id"));
        var badChoice = await Api.ProblemAsync(await owner.PostAsJsonAsync($"/api/wizard/pitch-match/{runId}/answer",
            new { trial_id = trialId, choice = "c" }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("must be \"a\" or \"b\"", Api.ErrorsFor(badChoice, "choice"));

        // The owner's run is untouched by all of that: the same trial still takes its answer.
        var ok = await owner.PostAsJsonAsync($"/api/wizard/pitch-match/{runId}/answer", new { trial_id = trialId, choice = "b" }, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(trialId + 1, (await Api.ReadJsonAsync(ok)).GetProperty("trial").GetProperty("trial_id").GetInt32());
    }
}
