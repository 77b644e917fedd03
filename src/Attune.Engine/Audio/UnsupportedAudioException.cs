namespace Attune.Engine.Audio;

/// <summary>A file that is not audio Attune can decode, or is damaged; the message names the file and the supported formats.</summary>
public sealed class UnsupportedAudioException : Exception
{
    public const string SupportedFormats = "WAV (PCM 8/16/24/32-bit, float), MP3, OGG Vorbis, Ogg Opus";

    public UnsupportedAudioException()
    {
    }

    public UnsupportedAudioException(string message)
        : base(message)
    {
    }

    public UnsupportedAudioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static UnsupportedAudioException For(string path, string reason, Exception? inner = null)
    {
        string message = $"Cannot decode '{path}': {reason}. Supported formats: {SupportedFormats}.";
        return inner is null ? new UnsupportedAudioException(message) : new UnsupportedAudioException(message, inner);
    }
}
