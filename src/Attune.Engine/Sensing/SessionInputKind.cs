namespace Attune.Engine.Sensing;

/// <summary>The kinds of input a session receives from the person's side.</summary>
public enum SessionInputKind { HeartRatePacket, SelfReport, Behaviour }
