using Attune.Engine;
using Attune.Server.Data;
using Attune.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Features.Profile;

/// <summary>/api/profile: the signed-in patient's hearing profile and tinnitus-match history.</summary>
internal static class ProfileEndpoints
{
    // Loudness and masking levels above threshold: 0–100 dB SL covers every clinical match (THERAPY.md).
    public const double MinLevelDbSl = 0, MaxLevelDbSl = 100;

    public static IServiceCollection AddProfiles(this IServiceCollection services) => services.AddScoped<ProfileService>();

    public static IEndpointRouteBuilder MapProfile(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/profile").RequireAuthorization();
        group.MapGet("/", GetProfile);
        group.MapPut("/", PutProfile);
        group.MapGet("/tinnitus-matches", ListMatches);
        group.MapPost("/tinnitus-matches", AddMatch);
        return app;
    }

    private static async Task<Ok<ProfileResponse>> GetProfile(HttpContext http, ProfileService profiles) =>
        TypedResults.Ok(await profiles.GetAsync(http.User.UserId()));

    private static async Task<Results<Ok<ProfileResponse>, ValidationProblem>> PutProfile(
        ProfileRequest request, HttpContext http, ProfileService profiles)
    {
        var (saved, errors) = await profiles.SaveAsync(http.User.UserId(), request);
        return saved is null ? errors.ToProblem() : TypedResults.Ok(saved);
    }

    private static async Task<Ok<TinnitusMatchResponse[]>> ListMatches(HttpContext http, ProfileService profiles) =>
        TypedResults.Ok(await profiles.ListMatchesAsync(http.User.UserId()));

    private static async Task<Results<Created<TinnitusMatchResponse>, ValidationProblem>> AddMatch(
        TinnitusMatchRequest request, HttpContext http, AttuneDbContext db, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        Hz(errors, "bestEstimateHz", request.BestEstimateHz);
        Hz(errors, "rangeLowHz", request.RangeLowHz);
        Hz(errors, "rangeHighHz", request.RangeHighHz);
        if (request.RangeLowHz > request.BestEstimateHz) errors.Add("rangeLowHz", "must be at most bestEstimateHz");
        if (request.RangeHighHz < request.BestEstimateHz) errors.Add("rangeHighHz", "must be at least bestEstimateHz");
        if (request.LoudnessDbSl is double loudness) errors.Range("loudnessDbSl", loudness, MinLevelDbSl, MaxLevelDbSl, "dB SL");
        if (request.MinimumMaskingLevelDbSl is double mml) errors.Range("minimumMaskingLevelDbSl", mml, MinLevelDbSl, MaxLevelDbSl, "dB SL");
        var measuredAt = request.MeasuredAt?.ToUniversalTime() ?? now;
        if (measuredAt > now.AddMinutes(5)) errors.Add("measuredAt", "must not be in the future");
        if (errors.Any) return errors.ToProblem();

        var row = new TinnitusMatch
        {
            Id = Guid.NewGuid(),
            UserId = http.User.UserId(),
            MeasuredAt = measuredAt,
            BestEstimateHz = request.BestEstimateHz!.Value,
            RangeLowHz = request.RangeLowHz!.Value,
            RangeHighHz = request.RangeHighHz!.Value,
            LoudnessDbSl = request.LoudnessDbSl,
            MinimumMaskingLevelDbSl = request.MinimumMaskingLevelDbSl,
            OctaveConfusionChecked = request.OctaveConfusionChecked ?? false,
        };
        db.TinnitusMatches.Add(row);
        await db.SaveChangesAsync();
        return TypedResults.Created("/api/profile/tinnitus-matches", ProfileService.ToResponse(row));
    }

    private static void Hz(FieldErrors errors, string field, double? value) =>
        errors.Range(field, value ?? double.NaN, TherapyProfile.MinTinnitusHz, TherapyProfile.MaxTinnitusHz, "Hz");
}
