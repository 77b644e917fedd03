namespace Attune.Engine.Sensing;

/// <summary>What <see cref="HeartRatePacketStream"/> did with one arriving packet.</summary>
public enum HeartRatePacketStatus
{
    Accepted,
    Duplicate,
    OutOfOrder,
    Malformed,
}
