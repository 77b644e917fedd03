using Attune.Engine.Composition.Model;

namespace Attune.Engine.Composition;

/// <summary>
/// Moves the playing intent towards a target so music never jumps (iso principle, THERAPY.md):
/// each continuous parameter approaches its target exponentially with a
/// <see cref="TimeConstantSeconds"/> time constant, and never faster than its rate limit below.
/// Tempo moves at most 2 BPM/s and 2 %/s, so a beat (≤ 1.5 s at ≥ 40 BPM) changes it by at most 3 %.
/// Mode is discrete and switches at the next chorale frame. Allocation-free except <see cref="Current"/>.
/// </summary>
public sealed class IntentGlide
{
    public const double TimeConstantSeconds = 6;
    public const double MaxTempoBpmPerSecond = 2, MaxTempoFractionPerSecond = 0.02;
    public const double MaxRegisterPerSecond = 0.5;
    /// <summary>Density, brightness and predictability (0–1 scales).</summary>
    public const double MaxUnitPerSecond = 0.04;
    public const double MaxLoudnessDbPerSecond = 0.75;
    public const double MaxAttackSecondsPerSecond = 0.02;

    private MusicalIntent _target;

    public IntentGlide(MusicalIntent initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _target = initial;
        TempoBpm = initial.TempoBpm;
        Register = initial.Register;
        Density = initial.Density;
        Brightness = initial.Brightness;
        LoudnessDb = initial.LoudnessDb;
        Predictability = initial.Predictability;
        AttackSeconds = initial.AttackSeconds;
        Mode = initial.Mode;
    }

    /// <summary>Where the glide is heading; setting it does not move anything until <see cref="Advance"/>.</summary>
    public MusicalIntent Target
    {
        get => _target;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _target = value;
        }
    }

    public double TempoBpm { get; private set; }
    public double Register { get; private set; }
    public double Density { get; private set; }
    public double Brightness { get; private set; }
    public double LoudnessDb { get; private set; }
    public double Predictability { get; private set; }
    public double AttackSeconds { get; private set; }
    public ScaleMode Mode { get; private set; }

    public double OnsetsPerBeat => 0.5 * Math.Pow(4, Density);
    public double Temperature => MusicalIntent.TemperatureFor(Predictability);

    /// <summary>The intent now playing, as a record (allocates: for the control side and tests).</summary>
    public MusicalIntent Current => new(TempoBpm, Register, Density, Brightness, LoudnessDb, Predictability, Mode, AttackSeconds);

    /// <summary>Moves every parameter <paramref name="seconds"/> further towards the target.</summary>
    public void Advance(double seconds)
    {
        if (!(seconds >= 0)) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "seconds must be ≥ 0");
        double k = 1 - Math.Exp(-seconds / TimeConstantSeconds);
        MusicalIntent t = _target;
        double tempoRate = Math.Min(MaxTempoBpmPerSecond, MaxTempoFractionPerSecond * TempoBpm);
        TempoBpm = Step(TempoBpm, t.TempoBpm, k, tempoRate * seconds);
        Register = Step(Register, t.Register, k, MaxRegisterPerSecond * seconds);
        Density = Step(Density, t.Density, k, MaxUnitPerSecond * seconds);
        Brightness = Step(Brightness, t.Brightness, k, MaxUnitPerSecond * seconds);
        Predictability = Step(Predictability, t.Predictability, k, MaxUnitPerSecond * seconds);
        LoudnessDb = Step(LoudnessDb, t.LoudnessDb, k, MaxLoudnessDbPerSecond * seconds);
        AttackSeconds = Step(AttackSeconds, t.AttackSeconds, k, MaxAttackSecondsPerSecond * seconds);
        Mode = t.Mode;
    }

    private static double Step(double value, double target, double k, double maxStep)
    {
        double diff = target - value;
        // Snap the last invisible fraction so a settled glide reports exactly its target.
        if (Math.Abs(diff) < 1e-9) return target;
        return value + Math.Clamp(diff * k, -maxStep, maxStep);
    }
}
