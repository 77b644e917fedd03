namespace Attune.Engine.Adaptation;

/// <summary>What the person wants from a session.</summary>
public enum SessionGoal { Settle, Sleep, Background }
