namespace Attune.Engine.Adaptation;

/// <summary>What a session is for.</summary>
public enum SessionGoal { Settle, Sleep, Background }
