using System.Text.Json.Serialization;

namespace Attune.Server.Features.Wizard;

/// <summary>A finished pitch match: geometric mean of the runs, their min–max range, and the trials answered.</summary>
public sealed record PitchMatchResultResponse(
    [property: JsonPropertyName("best_hz")] double BestHz,
    [property: JsonPropertyName("low_hz")] double LowHz,
    [property: JsonPropertyName("high_hz")] double HighHz,
    [property: JsonPropertyName("octave_checked")] bool OctaveChecked,
    [property: JsonPropertyName("trials")] int Trials);
