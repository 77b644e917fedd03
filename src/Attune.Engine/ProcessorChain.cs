namespace Attune.Engine;

/// <summary>Runs processors in order on the same block (e.g. breathing swells, then the notch).</summary>
public sealed class ProcessorChain : IAudioProcessor
{
    private readonly IAudioProcessor[] _stages;

    public ProcessorChain(params IAudioProcessor[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        foreach (var s in stages) ArgumentNullException.ThrowIfNull(s, nameof(stages));
        _stages = stages;
    }

    /// <summary>Null for no stages, the stage itself for one, a chain otherwise.</summary>
    public static IAudioProcessor? Of(params IAudioProcessor?[] stages)
    {
        var present = stages.Where(s => s is not null).Cast<IAudioProcessor>().ToArray();
        return present.Length switch { 0 => null, 1 => present[0], _ => new ProcessorChain(present) };
    }

    public void Process(Span<float> left, Span<float> right)
    {
        foreach (var stage in _stages) stage.Process(left, right);
    }
}
