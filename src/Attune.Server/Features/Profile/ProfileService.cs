using Attune.Engine.Fitting;
using Attune.Server.Data;
using Attune.Server.Features.Shared;
using Attune.Server.Features.Wizard;
using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Features.Profile;

/// <summary>
/// Reading and saving a person's hearing profile and listing their tinnitus matches, with one set of rules for the
/// JSON API (<see cref="ProfileEndpoints"/>) and the app's profile form (Components/Patient/ProfileForm.razor).
/// </summary>
internal sealed class ProfileService(AttuneDbContext db, TimeProvider clock)
{
    public async Task<ProfileResponse> GetAsync(string userId)
    {
        var row = await db.HearingProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId);
        return ProfileMapping.ToResponse(row ?? new HearingProfile { UserId = userId }, row is not null);
    }

    /// <summary>Saves the whole profile; the saved profile, or the field errors (and nothing stored).</summary>
    public async Task<(ProfileResponse? Saved, FieldErrors Errors)> SaveAsync(string userId, ProfileRequest request)
    {
        var row = await db.HearingProfiles.SingleOrDefaultAsync(p => p.UserId == userId);
        bool isNew = row is null;
        row ??= new HearingProfile { UserId = userId };
        var errors = ProfileMapping.Apply(request, row, clock.GetUtcNow().UtcDateTime);
        if (errors.Any) return (null, errors);
        if (isNew) db.HearingProfiles.Add(row);
        await db.SaveChangesAsync();
        return (ProfileMapping.ToResponse(row, saved: true), errors);
    }

    /// <summary>The person's tinnitus matches, newest first.</summary>
    public async Task<TinnitusMatchResponse[]> ListMatchesAsync(string userId)
    {
        var rows = await db.TinnitusMatches.AsNoTracking().Where(m => m.UserId == userId)
            .OrderByDescending(m => m.MeasuredAt).ToListAsync();
        return [.. rows.Select(ToResponse)];
    }

    /// <summary>Stores a finished pitch match, measured now (the API's and the app's wizard both end here).</summary>
    public async Task<TinnitusMatchResponse> SavePitchMatchAsync(string userId, PitchMatchResult result)
    {
        var row = PitchMatchRecord.ToRow(userId, result, clock.GetUtcNow().UtcDateTime);
        db.TinnitusMatches.Add(row);
        await db.SaveChangesAsync();
        return ToResponse(row);
    }

    public static TinnitusMatchResponse ToResponse(TinnitusMatch m) => new(
        m.Id, m.MeasuredAt, m.BestEstimateHz, m.RangeLowHz, m.RangeHighHz, m.LoudnessDbSl, m.MinimumMaskingLevelDbSl, m.OctaveConfusionChecked);
}
