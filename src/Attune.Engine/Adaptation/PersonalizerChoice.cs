namespace Attune.Engine.Adaptation;

/// <summary>The preset the personaliser chose and every candidate's score, in candidate order.</summary>
public sealed record PersonalizerChoice(MusicPreset Preset, IReadOnlyList<PresetScore> Scores);
