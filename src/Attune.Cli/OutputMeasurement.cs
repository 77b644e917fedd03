using Attune.Engine;
using Attune.Engine.Analysis;
using Attune.Engine.Audio;
using Attune.Engine.Safety;

namespace Attune.Cli;

/// <summary>
/// What a written file really contains, measured by decoding the file again (so claims about lossy
/// files hold for the decoded audio): sample peak, true peak (BS.1770-4, 4× oversampled),
/// integrated and maximum short-term loudness (BS.1770-4), and the notch depth against the
/// spectrum that entered the notch (see <see cref="NotchDepth"/>).
/// </summary>
internal sealed record OutputMeasurement(
    double DurationSeconds,
    double PeakDbfs,
    double TruePeakDbtp,
    double IntegratedLufs,
    double MaxShortTermLufs,
    double? NotchDepthDb)
{
    public static OutputMeasurement OfFile(string path, SpectrumAccumulator? reference, double? centreHz, double octaves)
    {
        float[] left, right;
        if (AudioWriters.IsLossy(path))
        {
            var decoded = OggOpusReader.Read(path);
            (left, right) = (decoded.Left, decoded.Right);
        }
        else
        {
            var wav = WavFileReader.Read(path);
            left = wav.Channels[0];
            right = wav.Channels.Length > 1 ? wav.Channels[1] : wav.Channels[0];
        }
        var loudness = new LoudnessMeter();
        var truePeak = new TruePeakMeter();
        var spectrum = reference is null ? null : new SpectrumAccumulator(reference.SegmentLength, reference.Stride);
        float peak = 0;
        for (int i = 0; i < left.Length; i += AudioFormat.BlockSize)
        {
            int n = Math.Min(AudioFormat.BlockSize, left.Length - i);
            var l = left.AsSpan(i, n);
            var r = right.AsSpan(i, n);
            loudness.Process(l, r);
            truePeak.Process(l, r);
            spectrum?.Write(l, r);
            for (int k = 0; k < n; k++) peak = Math.Max(peak, Math.Max(Math.Abs(l[k]), Math.Abs(r[k])));
        }
        truePeak.Flush();
        double? depth = null;
        if (reference is not null && spectrum is not null && centreHz is double f && reference.Segments > 0 && spectrum.Segments > 0)
            depth = NotchDepth.MeasureDb(reference.PowerSpectralDensity(), spectrum.PowerSpectralDensity(), AudioFormat.SampleRate, f, octaves);
        return new OutputMeasurement(
            (double)left.Length / AudioFormat.SampleRate,
            Decibels.FromGain(peak),
            truePeak.MaxDbtp,
            loudness.Integrated,
            loudness.MaxShortTerm,
            depth);
    }
}
