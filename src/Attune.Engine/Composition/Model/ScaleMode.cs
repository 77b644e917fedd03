namespace Attune.Engine.Composition.Model;

/// <summary>Which scale the sampler leans toward (see <see cref="SamplingSettings.ModeStrength"/>).</summary>
public enum ScaleMode
{
    None = 0,
    Major = 1,
    Minor = 2,
}
