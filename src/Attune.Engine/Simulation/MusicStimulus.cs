using Attune.Engine.Composition;

namespace Attune.Engine.Simulation;

/// <summary>What a virtual patient hears during one step: the intent's features, the preset, the sound classes in play and the breathing-pacing rate.</summary>
public readonly record struct MusicStimulus(MusicalIntent Intent, int PresetIndex, SoundClass Classes, double PacingBpm);
