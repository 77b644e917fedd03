using System.Net;
using System.Net.Http.Headers;
using Attune.Engine;
using Attune.Engine.Audio;
using Attune.Engine.Therapy;
using Attune.Server.Tests.Features.Live;
using Attune.Server.Tests.Fixtures;

namespace Attune.Server.Tests.Features.Media;

/// <summary>Notch your own music and the offline session: lossless files through the notch and Safety, bad input as problems.</summary>
public sealed class MediaEndpointsTests(LiveAppFactory factory) : IClassFixture<LiveAppFactory>
{
    /// <summary>Fifteen seconds of white noise at about −25 dBFS as a 48 kHz 16-bit WAV (longer than Safety's 5 s fades at both ends).</summary>
    private static byte[] NoiseWav()
    {
        var random = new SeededRandom(7);
        int frames = 15 * AudioFormat.SampleRate;
        var left = new float[frames];
        var right = new float[frames];
        for (int i = 0; i < frames; i++) left[i] = right[i] = 0.1f * random.NextBipolar();
        using var stream = new MemoryStream();
        using (var writer = new WavFileWriter(stream, WavSampleFormat.Pcm16)) writer.Write(left, right);
        return stream.ToArray();
    }

    [Fact]
    public async Task Own_music_comes_back_as_a_notched_lossless_wav()
    {
        var (client, _) = await factory.PatientAsync(tinnitusHz: 4000);
        using var _c = client;
        var body = new ByteArrayContent(NoiseWav());
        body.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var response = await client.PostAsync("/api/notch", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var wav = WavFileReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(AudioFormat.SampleRate, wav.SampleRate);
        Assert.InRange(wav.FrameCount, 15 * AudioFormat.SampleRate, 15 * AudioFormat.SampleRate + 1024);
        // White noise holds ≈ 14 % of its 20 Hz–20 kHz energy in the octave around 4 kHz; notched, almost none.
        double share = NotchBandEnergy.Share(wav.Channels[0], AudioFormat.SampleRate, 4000, 1);
        Assert.True(wav.Channels[0].Max(Math.Abs) > 0.01, "the notched track must keep its sound");
        Assert.True(share < 0.001, $"notch band still holds {share:P3} of the energy");
    }

    [Fact]
    public async Task Bad_uploads_and_values_are_problems_naming_the_field()
    {
        var (client, _) = await factory.PatientAsync(tinnitusHz: 4000);
        using var _c = client;
        var ct = TestContext.Current.CancellationToken;
        var garbage = await client.PostAsync("/api/notch", new ByteArrayContent("not audio at all"u8.ToArray()), ct);
        Assert.NotEmpty(Api.ErrorsFor(await Api.ProblemAsync(garbage, HttpStatusCode.BadRequest), "file"));
        var empty = await client.PostAsync("/api/notch", new ByteArrayContent([]), ct);
        Assert.NotEmpty(Api.ErrorsFor(await Api.ProblemAsync(empty, HttpStatusCode.BadRequest), "file"));
        var low = await client.PostAsync("/api/notch?tinnitus_hz=100", new ByteArrayContent(NoiseWav()), ct);
        Assert.Contains("250–16000 Hz", Api.ErrorsFor(await Api.ProblemAsync(low, HttpStatusCode.BadRequest), "tinnitus_hz")[0], StringComparison.Ordinal);
        var goal = await client.GetAsync("/api/offline?goal=party&minutes=1", ct);
        Assert.NotEmpty(Api.ErrorsFor(await Api.ProblemAsync(goal, HttpStatusCode.BadRequest), "goal"));
        var minutes = await client.GetAsync("/api/offline?goal=sleep&minutes=600", ct);
        Assert.Contains("1–60", Api.ErrorsFor(await Api.ProblemAsync(minutes, HttpStatusCode.BadRequest), "minutes")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offline_sleep_track_downloads_as_a_wav_of_the_asked_length()
    {
        var (client, _) = await factory.PatientAsync(tinnitusHz: 6000);
        using var _c = client;
        var response = await client.GetAsync("/api/offline?goal=sleep&minutes=1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attune-sleep-1min.wav", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var wav = WavFileReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(60 * AudioFormat.SampleRate, wav.FrameCount);
        Assert.True(wav.Channels[0].Max(Math.Abs) > 1e-3, "the track must make sound");
    }

    [Fact]
    public async Task Signed_out_requests_get_401()
    {
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/notch", new ByteArrayContent(NoiseWav()), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/offline?goal=sleep&minutes=1", ct)).StatusCode);
    }
}
