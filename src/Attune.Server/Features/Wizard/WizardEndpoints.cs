using System.Globalization;
using System.Security.Cryptography;
using Attune.Engine;
using Attune.Engine.Audio;
using Attune.Engine.Fitting;
using Attune.Engine.Therapy;
using Attune.Server.Data;
using Attune.Server.Features.Profile;
using Attune.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Features.Wizard;

/// <summary>
/// /api/wizard: the set-up wizard's sounds and the tinnitus pitch match (docs/web-protocol.md). Every sound is
/// rendered here through the Safety stage with the caller's profile and sent as a PCM16 48 kHz stereo WAV.
/// </summary>
internal static class WizardEndpoints
{
    private static readonly string[] Colors = ["pink", "white", "narrow"];

    public static IEndpointRouteBuilder MapWizard(this IEndpointRouteBuilder app)
    {
        var runs = new PitchMatchRuns(app.ServiceProvider.GetRequiredService<TimeProvider>());
        var group = app.MapGroup("/api/wizard").RequireAuthorization();
        group.MapGet("/tone", GetTone);
        group.MapGet("/noise", GetNoise);
        group.MapPost("/pitch-match", (HttpContext http) => StartPitchMatch(http, runs));
        group.MapPost("/pitch-match/{runId}/answer",
            (string runId, PitchAnswerRequest request, HttpContext http, ProfileService profiles) =>
                AnswerPitchMatch(runId, request, http, profiles, runs));
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetTone(
        HttpContext http, AttuneDbContext db, [FromQuery] string? hz, [FromQuery(Name = "level_db")] string? levelDb, [FromQuery] string? ms)
    {
        var errors = new FieldErrors();
        double f = Number(hz), level = Number(levelDb);
        errors.Range("hz", f, EqualLoudness.MinHz, EqualLoudness.MaxHz, "Hz");
        errors.Range("level_db", level, FittingLevels.MinRelativeDb, FittingLevels.MaxRelativeDb, "dB");
        int duration = Milliseconds(errors, ms);
        if (errors.Any) return errors.ToProblem();
        var profile = await ProfileAsync(http, db);
        var clip = ToneClip.Render(profile, f, FittingLevels.LevelDbfs(profile, level), duration);
        return Wav(http, clip);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetNoise(
        HttpContext http, AttuneDbContext db, [FromQuery(Name = "level_db")] string? levelDb, [FromQuery] string? ms,
        [FromQuery] string? color, [FromQuery] string? hz)
    {
        var errors = new FieldErrors();
        double level = Number(levelDb);
        errors.Range("level_db", level, FittingLevels.MinRelativeDb, FittingLevels.MaxRelativeDb, "dB");
        int duration = Milliseconds(errors, ms);
        string name = (color ?? "pink").Trim().ToLowerInvariant();
        if (!Colors.Contains(name)) errors.Add("color", $"must be one of: {string.Join(", ", Colors)}");
        double centre = hz is null ? double.NaN : Number(hz);
        if (hz is not null) errors.Range("hz", centre, NoiseGenerator.MinCentreHz, NoiseGenerator.MaxCentreHz, "Hz");
        if (errors.Any) return errors.ToProblem();
        var profile = await ProfileAsync(http, db);
        var noiseColor = name switch { "white" => NoiseColor.White, "narrow" => NoiseColor.NarrowBand, _ => NoiseColor.Pink };
        // A narrow band sits at the requested centre, else at the person's tinnitus pitch, else at 1 kHz.
        if (double.IsNaN(centre)) centre = profile.TinnitusHz ?? 1000;
        ulong seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var clip = NoiseClip.Render(profile, noiseColor, FittingLevels.LevelDbfs(profile, level), duration, seed, centre);
        return Wav(http, clip);
    }

    private static Ok<PitchMatchStartResponse> StartPitchMatch(HttpContext http, PitchMatchRuns runs)
    {
        var run = runs.Start(http.User.UserId());
        return TypedResults.Ok(new PitchMatchStartResponse(run.Id, Trial(run.Match.Current!)));
    }

    private static async Task<Results<Ok<PitchAnswerResponse>, ValidationProblem, ProblemHttpResult>> AnswerPitchMatch(
        string runId, PitchAnswerRequest request, HttpContext http, ProfileService profiles, PitchMatchRuns runs)
    {
        string userId = http.User.UserId();
        if (!Guid.TryParse(runId, out var id) || runs.Find(id, userId) is not { } run) return ApiProblems.NotFound("pitch-match run");

        var errors = new FieldErrors();
        if (request.TrialId is null) errors.Add("trial_id", "is required (the current trial's id)");
        PitchChoice? choice = request.Choice?.Trim().ToLowerInvariant() switch { "a" => PitchChoice.A, "b" => PitchChoice.B, _ => null };
        if (choice is null) errors.Add("choice", "must be \"a\" or \"b\"");
        if (errors.Any) return errors.ToProblem();

        PitchMatchResult? result;
        PitchMatchTrial? next;
        lock (run.Match)
        {
            if (run.Match.Current is not { } current) return ApiProblems.NotFound("pitch-match run");
            if (current.TrialId != request.TrialId)
            {
                errors.Add("trial_id", $"must be {current.TrialId} (the current trial)");
                return errors.ToProblem();
            }
            run.Match.Answer(current.TrialId, choice!.Value);
            result = run.Match.Result;
            next = run.Match.Current;
        }
        if (result is null) return TypedResults.Ok(new PitchAnswerResponse(false, run.Id, Trial(next!), null));

        runs.Remove(run.Id);
        await profiles.SavePitchMatchAsync(userId, result);
        return TypedResults.Ok(new PitchAnswerResponse(true, null, null, PitchMatchRecord.ToResponse(result)));
    }

    private static PitchTrialResponse Trial(PitchMatchTrial t) => new(t.TrialId, t.AHz, t.BHz);

    private static async Task<TherapyProfile> ProfileAsync(HttpContext http, AttuneDbContext db)
    {
        string userId = http.User.UserId();
        var row = await db.HearingProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId);
        return (row ?? new HearingProfile { UserId = userId }).ToTherapyProfile();
    }

    private static FileContentHttpResult Wav(HttpContext http, StereoClip clip)
    {
        using var stream = new MemoryStream();
        // 32-bit float: the reference sits ≈ 53 dB below full scale, so a −60 dB step (≈ −113 dBFS) is below 16-bit's floor.
        using (var writer = new WavFileWriter(stream, WavSampleFormat.Float32)) writer.Write(clip.Left, clip.Right);
        // Every clip depends on the profile at the time of the request: never replay a stale one.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(stream.ToArray(), "audio/wav");
    }

    /// <summary>A query number in invariant culture; NaN (reported as out of range) when missing or malformed.</summary>
    private static double Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN;

    private static int Milliseconds(FieldErrors errors, string? text)
    {
        double ms = Number(text);
        errors.Range("ms", ms, FittingLevels.MinMilliseconds, FittingLevels.MaxMilliseconds, "ms");
        if (double.IsFinite(ms) && ms != Math.Floor(ms)) errors.Add("ms", "must be a whole number of milliseconds");
        return double.IsFinite(ms) ? (int)ms : 0;
    }
}
