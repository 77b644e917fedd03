namespace Attune.Engine.Safety;

/// <summary>How the output will be delivered; lossy codecs raise peaks by ~2 dB, so they get a lower ceiling.</summary>
public enum OutputKind
{
    Lossless,
    Lossy,
}
