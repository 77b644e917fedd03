using NLayer;
using NVorbis;

namespace Attune.Engine.Audio;

/// <summary>
/// Decodes a whole WAV, MP3, OGG Vorbis or Ogg Opus file to 48 kHz stereo float. The format is chosen from the
/// file's content, not its name; mono is duplicated, more than two channels are downmixed. Any failure becomes an
/// <see cref="UnsupportedAudioException"/>.
/// </summary>
public static class AudioFileDecoder
{
    private const float SurroundGain = 0.70710677f; // −3 dB for channels beyond the front pair (ITU-R BS.775)

    public static DecodedAudio Decode(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw UnsupportedAudioException.For(path, $"the file could not be read ({e.Message})", e);
        }
        try
        {
            return DecodeBytes(path, file);
        }
        catch (UnsupportedAudioException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw UnsupportedAudioException.For(path, $"the file is damaged or not in a supported format ({e.Message})", e);
        }
    }

    private static DecodedAudio DecodeBytes(string path, byte[] file)
    {
        ReadOnlySpan<byte> head = file;
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            using var stream = new MemoryStream(file, writable: false);
            WavAudio wav = WavFileReader.Read(stream);
            return ToStereo48k(path, wav.Channels, wav.SampleRate);
        }
        if (OggOpusReader.LooksLikeOpus(head))
            return OggOpusReader.Read(file);
        if (head.Length >= 35 && head[..4].SequenceEqual("OggS"u8) && head[28] == 1 && head.Slice(29, 6).SequenceEqual("vorbis"u8))
            return DecodeVorbis(path, file);
        if (LooksLikeMp3(head))
            return DecodeMp3(path, file);
        throw UnsupportedAudioException.For(path, "the content is not recognised");
    }

    private static bool LooksLikeMp3(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[..3].SequenceEqual("ID3"u8))
            return true;
        // MPEG audio frame sync: 11 set bits, layer bits not zero.
        return head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0;
    }

    private static DecodedAudio DecodeVorbis(string path, byte[] file)
    {
        using var reader = new VorbisReader(new MemoryStream(file, writable: false), closeOnDispose: true);
        int channels = reader.Channels;
        var interleaved = new List<float>();
        var buffer = new float[4096 * channels];
        int read;
        while ((read = reader.ReadSamples(buffer, 0, buffer.Length)) > 0)
            interleaved.AddRange(buffer.AsSpan(0, read));
        return FromInterleaved(path, interleaved, channels, reader.SampleRate);
    }

    private static DecodedAudio DecodeMp3(string path, byte[] file)
    {
        using var mpeg = new MpegFile(new MemoryStream(file, writable: false));
        int channels = mpeg.Channels;
        var interleaved = new List<float>();
        var buffer = new float[4096 * Math.Max(1, channels)];
        int read;
        while ((read = mpeg.ReadSamples(buffer, 0, buffer.Length)) > 0)
            interleaved.AddRange(buffer.AsSpan(0, read));
        return FromInterleaved(path, interleaved, channels, mpeg.SampleRate);
    }

    private static DecodedAudio FromInterleaved(string path, List<float> interleaved, int channels, int sampleRate)
    {
        if (channels < 1)
            throw UnsupportedAudioException.For(path, $"invalid channel count {channels}");
        if (interleaved.Count == 0)
            throw UnsupportedAudioException.For(path, "no audio could be decoded");
        int frames = interleaved.Count / channels;
        var split = new float[channels][];
        for (int c = 0; c < channels; c++)
        {
            split[c] = new float[frames];
            for (int i = 0; i < frames; i++)
                split[c][i] = interleaved[i * channels + c];
        }
        return ToStereo48k(path, split, sampleRate);
    }

    private static DecodedAudio ToStereo48k(string path, float[][] channels, int sampleRate)
    {
        if (channels.Length == 0 || sampleRate <= 0)
            throw UnsupportedAudioException.For(path, $"invalid stream ({channels.Length} channels at {sampleRate} Hz)");
        (float[] left, float[] right) = channels.Length switch
        {
            1 => (channels[0], channels[0]),
            2 => (channels[0], channels[1]),
            _ => Downmix(channels),
        };
        if (sampleRate != AudioFormat.SampleRate)
        {
            var resampler = new Resampler(sampleRate, AudioFormat.SampleRate);
            left = resampler.Process(left);
            right = channels.Length == 1 ? left : resampler.Process(right);
        }
        if (ReferenceEquals(left, right))
            right = (float[])left.Clone();
        return new DecodedAudio(left, right, sampleRate, channels.Length);
    }

    private static (float[] Left, float[] Right) Downmix(float[][] channels)
    {
        // Front pair at unity, every further channel at −3 dB into both sides (LFE, index 3 of 5.1/7.1, dropped), normalised against clipping.
        int frames = channels[0].Length;
        bool hasLfe = channels.Length is 6 or 8;
        int extra = channels.Length - 2 - (hasLfe ? 1 : 0);
        float norm = 1f / (1f + extra * SurroundGain);
        var left = new float[frames];
        var right = new float[frames];
        for (int i = 0; i < frames; i++)
        {
            float shared = 0;
            for (int c = 2; c < channels.Length; c++)
                if (!(hasLfe && c == 3)) shared += channels[c][i] * SurroundGain;
            left[i] = (channels[0][i] + shared) * norm;
            right[i] = (channels[1][i] + shared) * norm;
        }
        return (left, right);
    }
}
