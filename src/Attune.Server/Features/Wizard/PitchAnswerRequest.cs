using System.Text.Json.Serialization;

namespace Attune.Server.Features.Wizard;

/// <summary>POST /api/wizard/pitch-match/{run_id}/answer body: the trial answered and the tone chosen ("a" or "b").</summary>
public sealed record PitchAnswerRequest(
    [property: JsonPropertyName("trial_id")] int? TrialId,
    [property: JsonPropertyName("choice")] string? Choice);
