using Concentus;
using Concentus.Enums;
using Concentus.Structs;

namespace Attune.Engine.Audio;

/// <summary>
/// Always the managed Concentus codec: OpusCodecFactory may pick a native libopus when one is installed,
/// which would make the same input encode to different bytes on different machines.
/// </summary>
internal static class ManagedOpus
{
#pragma warning disable CS0618 // the constructors are marked obsolete only to steer callers towards the native-probing factory
    public static IOpusEncoder CreateEncoder(OpusApplication application) =>
        new OpusEncoder(AudioFormat.SampleRate, AudioFormat.Channels, application);

    public static IOpusDecoder CreateStereoDecoder() => new OpusDecoder(AudioFormat.SampleRate, 2);
#pragma warning restore CS0618
}
