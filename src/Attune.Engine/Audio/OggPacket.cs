namespace Attune.Engine.Audio;

/// <summary>One demuxed packet; <see cref="Granule"/> is the page's granule position if the packet ends that page, else -1.</summary>
internal readonly record struct OggPacket(byte[] Data, long Granule, int PageSequence, bool EndOfStream);
