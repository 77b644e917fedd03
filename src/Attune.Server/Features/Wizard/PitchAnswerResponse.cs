using System.Text.Json.Serialization;

namespace Attune.Server.Features.Wizard;

/// <summary>The next trial (done = false), or the result once the match is finished (done = true).</summary>
public sealed record PitchAnswerResponse(
    [property: JsonPropertyName("done")] bool Done,
    [property: JsonPropertyName("run_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? RunId,
    [property: JsonPropertyName("trial"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PitchTrialResponse? Trial,
    [property: JsonPropertyName("result"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PitchMatchResultResponse? Result);
