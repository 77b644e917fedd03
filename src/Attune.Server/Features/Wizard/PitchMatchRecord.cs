using Attune.Engine.Fitting;
using Attune.Server.Data;

namespace Attune.Server.Features.Wizard;

/// <summary>
/// A finished pitch match as it is stored and shown, for both ways of running one: the JSON API
/// (<see cref="WizardEndpoints"/>) and the app's set-up wizard (Components/Patient/SetupWizard.razor).
/// </summary>
internal static class PitchMatchRecord
{
    public static TinnitusMatch ToRow(string userId, PitchMatchResult result, DateTime measuredAt) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        MeasuredAt = measuredAt,
        BestEstimateHz = Math.Round(result.BestHz, 1),
        RangeLowHz = Math.Round(result.LowHz, 1),
        RangeHighHz = Math.Round(result.HighHz, 1),
        LoudnessDbSl = null, // a pitch match does not measure loudness
        OctaveConfusionChecked = result.OctaveChecked,
    };

    public static PitchMatchResultResponse ToResponse(PitchMatchResult result) => new(
        Math.Round(result.BestHz, 1), Math.Round(result.LowHz, 1), Math.Round(result.HighHz, 1), result.OctaveChecked, result.Trials);
}
