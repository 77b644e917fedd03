namespace Attune.Engine.Sensing;

/// <summary>What the person did with the player.</summary>
public enum BehaviourKind
{
    /// <summary>Skipped to the next piece or texture.</summary>
    Skip,
    /// <summary>Marked the current sound as disliked, optionally naming the sound class that bothered them.</summary>
    Dislike,
    /// <summary>Changed the volume by a number of decibels.</summary>
    VolumeChange,
    Pause,
    Resume,
    /// <summary>Ended the session before its planned end.</summary>
    EarlyStop,
}
