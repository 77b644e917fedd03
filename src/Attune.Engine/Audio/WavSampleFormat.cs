namespace Attune.Engine.Audio;

/// <summary>Sample encoding of a WAV file written by <see cref="WavFileWriter"/>.</summary>
public enum WavSampleFormat
{
    /// <summary>16-bit signed integer PCM (WAVE_FORMAT_PCM), TPDF-dithered.</summary>
    Pcm16,

    /// <summary>32-bit IEEE float (WAVE_FORMAT_IEEE_FLOAT with a fact chunk), bit-exact.</summary>
    Float32,
}
