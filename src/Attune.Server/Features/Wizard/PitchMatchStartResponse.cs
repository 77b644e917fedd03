using System.Text.Json.Serialization;

namespace Attune.Server.Features.Wizard;

/// <summary>POST /api/wizard/pitch-match answer: the new run and its first trial.</summary>
public sealed record PitchMatchStartResponse(
    [property: JsonPropertyName("run_id")] Guid RunId,
    [property: JsonPropertyName("trial")] PitchTrialResponse Trial);
