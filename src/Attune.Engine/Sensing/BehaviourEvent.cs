namespace Attune.Engine.Sensing;

/// <summary>
/// One player action at session time <see cref="TimeSeconds"/>. Create it with the factory for its
/// kind: only a dislike carries a reason (<see cref="DislikedClasses"/>, e.g. a misophonia trigger
/// class), only a volume change a <see cref="VolumeDeltaDb"/>.
/// </summary>
public sealed record BehaviourEvent
{
    /// <summary>Largest volume step accepted in one event, dB either way.</summary>
    public const double MaxVolumeDeltaDb = 60;

    private const SoundClass AllSoundClasses =
        SoundClass.TonalSustained | SoundClass.TonalStruck | SoundClass.Metallic | SoundClass.PercussiveClicky |
        SoundClass.Breathy | SoundClass.WaterLike | SoundClass.WindLike | SoundClass.Rustling | SoundClass.SteadyNoise;

    private BehaviourEvent(double timeSeconds, BehaviourKind kind, double volumeDeltaDb, SoundClass dislikedClasses)
    {
        SensingInputRange.RequireTime(nameof(TimeSeconds), timeSeconds);
        SensingInputRange.Require(nameof(VolumeDeltaDb), volumeDeltaDb, -MaxVolumeDeltaDb, MaxVolumeDeltaDb, "dB");
        if ((dislikedClasses & ~AllSoundClasses) != 0)
            throw new ArgumentOutOfRangeException(nameof(dislikedClasses), dislikedClasses, $"{nameof(DislikedClasses)} has unknown {nameof(SoundClass)} flags; allowed: {AllSoundClasses}.");
        TimeSeconds = timeSeconds;
        Kind = kind;
        VolumeDeltaDb = volumeDeltaDb;
        DislikedClasses = dislikedClasses;
    }

    /// <summary>Session time of the action, seconds.</summary>
    public double TimeSeconds { get; }

    public BehaviourKind Kind { get; }

    /// <summary>Volume change in dB (positive = louder); 0 for every kind but <see cref="BehaviourKind.VolumeChange"/>.</summary>
    public double VolumeDeltaDb { get; }

    /// <summary>Sound classes the person blamed for a dislike; <see cref="SoundClass.None"/> when no reason was given.</summary>
    public SoundClass DislikedClasses { get; }

    public static BehaviourEvent Skip(double timeSeconds) => new(timeSeconds, BehaviourKind.Skip, 0, SoundClass.None);

    public static BehaviourEvent Dislike(double timeSeconds, SoundClass reason = SoundClass.None) =>
        new(timeSeconds, BehaviourKind.Dislike, 0, reason);

    /// <summary>A volume change of <paramref name="deltaDb"/> dB, within ±<see cref="MaxVolumeDeltaDb"/> and not 0.</summary>
    public static BehaviourEvent VolumeChange(double timeSeconds, double deltaDb)
    {
        if (deltaDb == 0)
            throw new ArgumentOutOfRangeException(nameof(deltaDb), deltaDb, $"{nameof(VolumeDeltaDb)} must be in [-{MaxVolumeDeltaDb}, {MaxVolumeDeltaDb}] dB and not 0.");
        return new(timeSeconds, BehaviourKind.VolumeChange, deltaDb, SoundClass.None);
    }

    public static BehaviourEvent Pause(double timeSeconds) => new(timeSeconds, BehaviourKind.Pause, 0, SoundClass.None);

    public static BehaviourEvent Resume(double timeSeconds) => new(timeSeconds, BehaviourKind.Resume, 0, SoundClass.None);

    public static BehaviourEvent EarlyStop(double timeSeconds) => new(timeSeconds, BehaviourKind.EarlyStop, 0, SoundClass.None);
}
