namespace Attune.Engine.Sensing;

/// <summary>
/// One input as recorded in a session's event log (stage <c>input</c>): a strap packet with its client
/// sequence number, a self-report, or a behaviour event. Exactly one payload is set, matching <see cref="Kind"/>.
/// </summary>
public sealed record SessionInput(double TimeSeconds, SessionInputKind Kind, uint Sequence = 0, byte[]? Packet = null,
    SelfReport? Report = null, BehaviourEvent? Behaviour = null);
