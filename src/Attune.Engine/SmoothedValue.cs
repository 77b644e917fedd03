namespace Attune.Engine;

/// <summary>
/// An audible parameter that glides linearly to its target over a fixed time, so changes made at a
/// block boundary never click or zipper. Mutable struct: keep it in a field, not a copy.
/// </summary>
public struct SmoothedValue
{
    private float _step;
    private int _remaining;
    private readonly int _rampFrames;

    public SmoothedValue(float initial, double rampSeconds)
    {
        Current = initial;
        Target = initial;
        _rampFrames = Math.Max(1, (int)Math.Round(rampSeconds * AudioFormat.SampleRate));
        _step = 0;
        _remaining = 0;
    }

    public float Current { get; private set; }
    public float Target { get; private set; }
    public readonly bool IsSmoothing => _remaining > 0;

    public void SetTarget(float target)
    {
        if (target == Target) return;
        Target = target;
        _remaining = _rampFrames;
        _step = (Target - Current) / _rampFrames;
    }

    /// <summary>Jumps to a value with no ramp (only before audio starts).</summary>
    public void Reset(float value)
    {
        Current = value;
        Target = value;
        _remaining = 0;
        _step = 0;
    }

    /// <summary>Advances one frame and returns the new value.</summary>
    public float Next()
    {
        if (_remaining > 0)
        {
            _remaining--;
            Current = _remaining == 0 ? Target : Current + _step;
        }
        return Current;
    }

    /// <summary>Multiplies a block by the gliding value, frame by frame.</summary>
    public void ApplyGain(Span<float> left, Span<float> right)
    {
        if (_remaining == 0)
        {
            float g = Current;
            if (g == 1f) return;
            for (int i = 0; i < left.Length; i++) { left[i] *= g; right[i] *= g; }
            return;
        }
        for (int i = 0; i < left.Length; i++)
        {
            float g = Next();
            left[i] *= g;
            right[i] *= g;
        }
    }
}
