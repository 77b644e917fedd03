namespace Attune.Engine;

/// <summary>The one audio format the engine renders: 48 kHz stereo float in fixed blocks.</summary>
public static class AudioFormat
{
    public const int SampleRate = 48_000;
    public const int Channels = 2;

    /// <summary>Frames per render block (5.33 ms at 48 kHz); parameters change only between blocks.</summary>
    public const int BlockSize = 256;
}
