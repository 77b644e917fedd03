namespace Attune.Engine.Analysis;

/// <summary>
/// A streaming Welch estimate of the mono (L+R)/2 power spectrum: Hann segments with 50 % overlap,
/// keeping one segment in every <see cref="Stride"/> so that long renders cost little to analyse.
/// </summary>
public sealed class SpectrumAccumulator : IAudioSink
{
    private readonly float[] _ring;
    private readonly double[] _window;
    private readonly double[] _re, _im, _psd;
    private readonly double _windowPower;
    private readonly int _hop;
    private int _filled;
    private long _hopsSeen;

    public SpectrumAccumulator(int segmentLength = 16384, int stride = 1)
    {
        if (segmentLength < 64 || (segmentLength & (segmentLength - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(segmentLength), segmentLength, "segment length must be a power of two ≥ 64");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        SegmentLength = segmentLength;
        Stride = stride;
        _hop = segmentLength / 2;
        _ring = new float[segmentLength];
        _window = new double[segmentLength];
        _re = new double[segmentLength];
        _im = new double[segmentLength];
        _psd = new double[segmentLength / 2 + 1];
        for (int i = 0; i < segmentLength; i++)
        {
            _window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / segmentLength);
            _windowPower += _window[i] * _window[i];
        }
    }

    public int SegmentLength { get; }
    public int Stride { get; }
    public int Segments { get; private set; }

    /// <summary>Picks a stride so that a signal of <paramref name="expectedFrames"/> yields about <paramref name="segments"/> segments.</summary>
    public static SpectrumAccumulator ForLength(long expectedFrames, int segmentLength = 16384, int segments = 240)
    {
        long hops = Math.Max(1, expectedFrames / (segmentLength / 2));
        return new SpectrumAccumulator(segmentLength, (int)Math.Max(1, hops / segments));
    }

    public void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        for (int i = 0; i < left.Length; i++)
        {
            _ring[_filled++] = 0.5f * (left[i] + right[i]);
            if (_filled == _ring.Length)
            {
                if (_hopsSeen % Stride == 0) AddSegment();
                _hopsSeen++;
                Array.Copy(_ring, _hop, _ring, 0, _hop);
                _filled = _hop;
            }
        }
    }

    /// <summary>One-sided PSD (units²/Hz) averaged over the segments seen so far.</summary>
    public double[] PowerSpectralDensity(double sampleRate = AudioFormat.SampleRate)
    {
        if (Segments == 0) throw new InvalidOperationException($"no complete segment yet (needs {SegmentLength} frames)");
        var result = new double[_psd.Length];
        double scale = 1.0 / (sampleRate * _windowPower * Segments);
        for (int k = 0; k < result.Length; k++)
            result[k] = _psd[k] * scale * (k > 0 && k < result.Length - 1 ? 2 : 1);
        return result;
    }

    private void AddSegment()
    {
        for (int i = 0; i < _ring.Length; i++)
        {
            _re[i] = _ring[i] * _window[i];
            _im[i] = 0;
        }
        Fft.Forward(_re, _im);
        for (int k = 0; k < _psd.Length; k++) _psd[k] += _re[k] * _re[k] + _im[k] * _im[k];
        Segments++;
    }
}
