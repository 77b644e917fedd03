namespace Attune.Server.Data;

/// <summary>A therapy session as stored: who, what for, how long, and how it went.</summary>
public sealed class TherapySessionRecord
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public SessionGoal Goal { get; set; }
    public int PlannedMinutes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public SessionStatus Status { get; set; }

    /// <summary>Summary measured at the end (a JSON object); null until the session ends.</summary>
    public string? SummaryJson { get; set; }

    /// <summary>The music preset the personaliser chose for a live session; null for sessions not run live.</summary>
    public string? Preset { get; set; }

    /// <summary>What the personaliser learned from the session (a JSON object: context, outcome, reward); null until then.</summary>
    public string? OutcomeJson { get; set; }

    /// <summary>The outcome's reward (<see cref="Attune.Engine.Adaptation.SessionOutcome.Reward"/>), when learned from.</summary>
    public double? Reward { get; set; }

    public const int MaxPresetLength = 64;

    public const int MinPlannedMinutes = 1, MaxPlannedMinutes = 600;
}
