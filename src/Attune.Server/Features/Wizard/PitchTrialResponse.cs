using System.Text.Json.Serialization;

namespace Attune.Server.Features.Wizard;

/// <summary>A pitch-match trial: play tone A, then tone B, and ask which is closer to the tinnitus.</summary>
public sealed record PitchTrialResponse(
    [property: JsonPropertyName("trial_id")] int TrialId,
    [property: JsonPropertyName("a_hz")] double AHz,
    [property: JsonPropertyName("b_hz")] double BHz);
