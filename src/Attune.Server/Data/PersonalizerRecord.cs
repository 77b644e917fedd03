namespace Attune.Server.Data;

/// <summary>
/// One person's music personaliser (<see cref="Attune.Engine.Adaptation.PersonalizerState"/> as its versioned JSON):
/// what each preset has done for them so far and the sound classes they ruled out. Created at their first live session.
/// </summary>
public sealed class PersonalizerRecord
{
    public required string UserId { get; set; }
    public required string StateJson { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Sessions learned from.</summary>
    public int Sessions { get; set; }
}
