using Attune.Engine.Composition.Model;

namespace Attune.Engine.Composition;

/// <summary>
/// What the music should express, in musical terms: the control side sets it, the
/// <see cref="MusicPlayer"/> glides towards it. Immutable and validated: a value outside its range
/// throws <see cref="ArgumentOutOfRangeException"/> naming the parameter and the range.
/// </summary>
/// <remarks>
/// <para><see cref="ForArousal"/> maps one arousal value a ∈ [0, 1] (0.5 = the person's baseline) to an
/// intent, after Eerola, Friberg &amp; Bresin 2013 (cue weight mode &gt; tempo &gt; register &gt;
/// dynamics &gt; articulation &gt; timbre, effects mostly additive and close to linear) and THERAPY.md
/// (calmer = slower, fewer onsets, softer attacks, lower register, darker, quieter, more predictable).
/// Every parameter is linear in a, except the attack, which is exponential (perceived attack
/// softness follows the log of the rise time):</para>
/// <code>
/// arousal                   0    0.1    0.2    0.5    0.8    0.9    1.0
/// TempoBpm               48.0   53.2   58.4   74.0   89.6   94.8  100.0   (48 + 52a)
/// Register (MIDI)        57.0   58.2   59.4   63.0   66.6   67.8   69.0   (57 + 12a, centre note)
/// Density                0.10   0.18   0.26   0.50   0.74   0.82   0.90   (0.1 + 0.8a)
///   keys onsets/beat     0.57   0.64   0.72   1.00   1.39   1.56   1.74   (0.5·4^Density)
/// Brightness             0.15   0.21   0.27   0.45   0.63   0.69   0.75   (0.15 + 0.6a)
/// LoudnessDb              -12    -11    -10     -7     -4     -3     -2   (−12 + 10a)
/// Predictability         0.90   0.84   0.78   0.60   0.42   0.36   0.30   (0.9 − 0.6a)
///   temperature          0.80   0.83   0.86   0.95   1.04   1.07   1.10   (0.75 + 0.5(1 − P))
/// AttackSeconds         0.120  0.095  0.076  0.038  0.019  0.015  0.012   (0.12·10^−a; pad ×12)
///   pad release s         3.3    2.9    2.6    2.1    1.8    1.7    1.7   (1.5 + 15·attack)
/// Mode                Major throughout
/// </code>
/// <para>Mode is the strongest cue in Eerola et al., but it acts mainly on valence, not arousal:
/// minor at low arousal reads as sad, not peaceful. Calm-positive therapy wants "peaceful"
/// (low arousal, positive valence), so ForArousal keeps Major at every level and arousal moves
/// through the next cues (tempo, register, dynamics, articulation, timbre). Minor stays available
/// for an explicit intent (e.g. a personalisation bandit that learns the person prefers it).</para>
/// </remarks>
public sealed record MusicalIntent
{
    public const double MinTempoBpm = 40, MaxTempoBpm = 140;
    public const int MinRegister = 48, MaxRegister = 76;
    public const double MinLoudnessDb = -18, MaxLoudnessDb = 0;
    public const double MinAttackSeconds = 0.005, MaxAttackSeconds = 0.5;

    public MusicalIntent(double tempoBpm, double register, double density, double brightness, double loudnessDb,
        double predictability, ScaleMode mode = ScaleMode.Major, double attackSeconds = 0.04)
    {
        Require(nameof(tempoBpm), tempoBpm, MinTempoBpm, MaxTempoBpm, "BPM");
        Require(nameof(register), register, MinRegister, MaxRegister, "(MIDI centre note)");
        Require(nameof(density), density, 0, 1, "");
        Require(nameof(brightness), brightness, 0, 1, "");
        Require(nameof(loudnessDb), loudnessDb, MinLoudnessDb, MaxLoudnessDb, "dB");
        Require(nameof(predictability), predictability, 0, 1, "");
        Require(nameof(attackSeconds), attackSeconds, MinAttackSeconds, MaxAttackSeconds, "s");
        if (mode is not (ScaleMode.Major or ScaleMode.Minor))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be Major or Minor");
        TempoBpm = tempoBpm;
        Register = register;
        Density = density;
        Brightness = brightness;
        LoudnessDb = loudnessDb;
        Predictability = predictability;
        Mode = mode;
        AttackSeconds = attackSeconds;
    }

    /// <summary>Beats per minute (40–140); one chorale frame per beat.</summary>
    public double TempoBpm { get; }

    /// <summary>Centre of the chorale's register as a MIDI note (48–76); voices span about −20..+16 around it.</summary>
    public double Register { get; }

    /// <summary>0–1: keys onsets per beat 0.5·4^Density (one note every two beats … two per beat).</summary>
    public double Density { get; }

    /// <summary>0 (dark) – 1 (bright): filter cut-offs and FM index of every part.</summary>
    public double Brightness { get; }

    /// <summary>Relative programme level, −18–0 dB, applied to every part's gain.</summary>
    public double LoudnessDb { get; }

    /// <summary>0–1: 1 = most predictable; sampler temperature 0.75 + 0.5·(1 − Predictability).</summary>
    public double Predictability { get; }

    public ScaleMode Mode { get; }

    /// <summary>Attack of struck notes (keys, bass), 0.005–0.5 s; pads attack 12× slower (at most 3 s).</summary>
    public double AttackSeconds { get; }

    /// <summary>Keys onsets per beat implied by <see cref="Density"/>.</summary>
    public double OnsetsPerBeat => 0.5 * Math.Pow(4, Density);

    /// <summary>The chorale sampler's temperature implied by <see cref="Predictability"/>.</summary>
    public double Temperature => TemperatureFor(Predictability);

    /// <summary>Sampler temperature 0.75 + 0.5·(1 − predictability): below 0.75 the model mostly repeats its last chord.</summary>
    internal static double TemperatureFor(double predictability) => 0.75 + 0.5 * (1 - predictability);

    /// <summary>The intent for arousal <paramref name="arousal"/> in [0, 1] (0.5 = baseline); see the table in the remarks.</summary>
    public static MusicalIntent ForArousal(double arousal)
    {
        Require(nameof(arousal), arousal, 0, 1, "");
        double a = arousal;
        return new MusicalIntent(
            tempoBpm: 48 + 52 * a,
            register: 57 + 12 * a,
            density: 0.1 + 0.8 * a,
            brightness: 0.15 + 0.6 * a,
            loudnessDb: -12 + 10 * a,
            predictability: 0.9 - 0.6 * a,
            mode: ScaleMode.Major,
            attackSeconds: 0.12 * Math.Pow(10, -a));
    }

    private static void Require(string name, double value, double min, double max, string unit)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in {min}–{max} {unit}".TrimEnd());
    }
}
