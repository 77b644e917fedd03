using Attune.Engine;
using Attune.Engine.Audio;
using Attune.Engine.Events;
using Attune.Engine.Safety;
using Attune.Engine.Therapy;
using Attune.Server.Data;
using Attune.Server.Features.Live;
using Attune.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Features.Media;

/// <summary>
/// Files to take away: the person's own music notched at their tinnitus frequency, and an offline
/// session (e.g. a sleep track). Both are rendered through the notch and the Safety stage with the
/// person's profile and returned as lossless WAV (PCM 16-bit, 48 kHz, stereo): lossy coding would
/// refill the notch.
/// </summary>
internal static class MediaEndpoints
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;
    public const int MaxOfflineMinutes = 60;

    public static WebApplication MapMedia(this WebApplication app)
    {
        app.MapPost("/api/notch", Notch).RequireAuthorization().DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes));
        app.MapGet("/api/offline", Offline).RequireAuthorization();
        return app;
    }

    /// <summary>POST /api/notch?tinnitus_hz=F&amp;notch_octaves=W with the track (WAV, MP3, OGG Vorbis/Opus) as the body.</summary>
    private static async Task<IResult> Notch(HttpContext http, AttuneDbContext db, double? tinnitus_hz, double? notch_octaves)
    {
        var stored = await db.HearingProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == http.User.UserId());
        var saved = (stored ?? new HearingProfile { UserId = http.User.UserId() }).ToTherapyProfile();
        var errors = new FieldErrors();
        double? fT = tinnitus_hz ?? saved.TinnitusHz;
        if (fT is null) errors.Add("tinnitus_hz", "required (250–16000 Hz) when the profile has no tinnitus frequency");
        else errors.Range("tinnitus_hz", fT.Value, TherapyProfile.MinTinnitusHz, TherapyProfile.MaxTinnitusHz, "Hz");
        double octaves = notch_octaves ?? saved.NotchOctaves;
        errors.Range("notch_octaves", octaves, TherapyProfile.MinNotchOctaves, TherapyProfile.MaxNotchOctaves, "octaves");
        if (errors.Any) return errors.ToProblem();
        var profile = saved.WithNotch(fT!.Value, octaves);

        string input = Path.Combine(Path.GetTempPath(), $"attune-upload-{Guid.NewGuid():N}");
        try
        {
            await using (var file = File.Create(input))
                await http.Request.Body.CopyToAsync(file, http.RequestAborted);
            if (new FileInfo(input).Length == 0) return Field("file", "the request body is empty: send the track's bytes (WAV, MP3 or OGG)");
            DecodedAudio track;
            try
            {
                track = AudioFileDecoder.Decode(input);
            }
            catch (UnsupportedAudioException e)
            {
                return Field("file", $"{e.Message}. WAV, MP3 and OGG (Vorbis or Opus) are decoded here; decode other formats in the browser and send them as WAV");
            }
            if (track.FrameCount == 0) return Field("file", "the track holds no audio");
            var pipeline = new RenderPipeline(new DecodedTrackSource(track), NotchFilter.ForProfile(profile),
                new SafetyGovernor(profile, OutputKind.Lossless, EventLog.Null));
            return await WavResult(pipeline, track.FrameCount + SafetyGovernor.LatencyFrames, "notched.wav", http.RequestAborted);
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>GET /api/offline?goal=settle|sleep|background&amp;minutes=M: generated music for the goal, as a file.</summary>
    private static async Task<IResult> Offline(HttpContext http, AttuneDbContext db, LiveSessionManager live, string? goal, double? minutes)
    {
        var errors = new FieldErrors();
        (double Start, double End)? ramp = goal switch
        {
            "settle" => (0.5, 0.2),
            "sleep" => (0.4, 0.05),
            "background" => (0.4, 0.4),
            _ => null,
        };
        if (ramp is null) errors.Add("goal", "must be one of settle, sleep, background");
        double m = minutes ?? 30;
        errors.Range("minutes", m, 1, MaxOfflineMinutes, "minutes");
        if (errors.Any) return errors.ToProblem();
        var model = live.TryModel();
        if (model is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The music model is not available on this server.");
        var stored = await db.HearingProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == http.User.UserId());
        var profile = (stored ?? new HearingProfile { UserId = http.User.UserId() }).ToTherapyProfile();
        var settings = new RenderSettings(TherapyMode.Music, profile, m, seed: (ulong)Environment.TickCount64, arousalStart: ramp!.Value.Start, arousalEnd: ramp.Value.End);
        var session = SessionFactory.Create(settings, OutputKind.Lossless, EventLog.Null, model, recordEvents: false);
        return await WavResult(session.Pipeline, settings.Frames, $"attune-{goal}-{m:0}min.wav", http.RequestAborted);
    }

    /// <summary>Renders into a temporary WAV (Safety's fade-out ends with the file) and streams it back; the file is deleted after sending.</summary>
    private static async Task<IResult> WavResult(RenderPipeline pipeline, long frames, string downloadName, CancellationToken cancel)
    {
        string path = Path.Combine(Path.GetTempPath(), $"attune-render-{Guid.NewGuid():N}.wav");
        await Task.Run(() =>
        {
            using var writer = new WavFileWriter(path, WavSampleFormat.Pcm16, new SeededRandom(WavFileWriter.DefaultDitherSeed));
            pipeline.RenderTo(writer, frames, _ => cancel.ThrowIfCancellationRequested());
        }, cancel);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose);
        return TypedResults.File(stream, "audio/wav", downloadName);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Field(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.ToProblem();
    }
}
