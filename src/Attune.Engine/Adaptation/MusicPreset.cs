using Attune.Engine.Composition;
using Attune.Engine.Composition.Model;
using Attune.Engine.Synthesis;

namespace Attune.Engine.Adaptation;

/// <summary>
/// A named musical preset: a personal colouring of the intent the controller computes from arousal
/// (mode, register, tempo band, brightness, density) plus the texture and lead instrument it is
/// arranged with. Immutable and validated; <see cref="Apply"/> keeps the arousal-driven shape and
/// only shifts or scales it.
/// </summary>
public sealed record MusicPreset
{
    public const int MinRegisterOffset = -12, MaxRegisterOffset = 12;
    public const double MinTempoScale = 0.7, MaxTempoScale = 1.3;
    public const double MinBrightnessOffset = -0.4, MaxBrightnessOffset = 0.4;
    public const double MinDensityScale = 0.4, MaxDensityScale = 1.6;

    public MusicPreset(string name, string description, ScaleMode mode = ScaleMode.Major, int registerOffset = 0,
        double tempoScale = 1, double brightnessOffset = 0, double densityScale = 1,
        InstrumentKind texture = InstrumentKind.Stream, InstrumentKind leadInstrument = InstrumentKind.SoftKeys,
        bool notchCompatible = true)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("name must be a non-empty key", nameof(name));
        if (string.IsNullOrWhiteSpace(description))
            throw new ArgumentException("description must be non-empty plain words", nameof(description));
        if (mode is not (ScaleMode.Major or ScaleMode.Minor))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be Major or Minor");
        if (registerOffset < MinRegisterOffset || registerOffset > MaxRegisterOffset)
            throw new ArgumentOutOfRangeException(nameof(registerOffset), registerOffset,
                $"registerOffset must be in {MinRegisterOffset}–{MaxRegisterOffset} semitones");
        Require(nameof(tempoScale), tempoScale, MinTempoScale, MaxTempoScale);
        Require(nameof(brightnessOffset), brightnessOffset, MinBrightnessOffset, MaxBrightnessOffset);
        Require(nameof(densityScale), densityScale, MinDensityScale, MaxDensityScale);
        if (texture is not (InstrumentKind.Rain or InstrumentKind.Wind or InstrumentKind.Stream))
            throw new ArgumentOutOfRangeException(nameof(texture), texture, "texture must be Rain, Wind or Stream");
        if (leadInstrument is not (InstrumentKind.SoftKeys or InstrumentKind.Chimes))
            throw new ArgumentOutOfRangeException(nameof(leadInstrument), leadInstrument, "leadInstrument must be SoftKeys or Chimes");
        Name = name;
        Description = description;
        Mode = mode;
        RegisterOffset = registerOffset;
        TempoScale = tempoScale;
        BrightnessOffset = brightnessOffset;
        DensityScale = densityScale;
        Texture = texture;
        LeadInstrument = leadInstrument;
        NotchCompatible = notchCompatible;
    }

    /// <summary>Stable key (kebab-case); it names the preset's learned state in <see cref="PersonalizerState"/>.</summary>
    public string Name { get; }

    /// <summary>Plain words for the person, lower case, e.g. "calm piano in a low register".</summary>
    public string Description { get; }

    public ScaleMode Mode { get; }

    /// <summary>Semitones added to the intent's register centre.</summary>
    public int RegisterOffset { get; }

    /// <summary>Tempo band: the intent's tempo is multiplied by this.</summary>
    public double TempoScale { get; }

    /// <summary>Added to the intent's brightness (0–1 scale).</summary>
    public double BrightnessOffset { get; }

    /// <summary>The intent's density is multiplied by this.</summary>
    public double DensityScale { get; }

    /// <summary>The noise texture part (Rain, Wind or Stream).</summary>
    public InstrumentKind Texture { get; }

    /// <summary>The instrument of the keys (lead) part: SoftKeys or Chimes.</summary>
    public InstrumentKind LeadInstrument { get; }

    /// <summary>
    /// True when the arrangement keeps narrow-band energy away from a tinnitus notch, so the notch
    /// removes only broadband energy and the music is not audibly carved (see <see cref="PresetCatalog"/>).
    /// </summary>
    public bool NotchCompatible { get; }

    /// <summary>Every sound class the preset plays: pad, lead, bass and texture.</summary>
    public SoundClass Classes =>
        InstrumentClasses.Of(InstrumentKind.WarmPad) | InstrumentClasses.Of(LeadInstrument)
        | InstrumentClasses.Of(InstrumentKind.RoundBass) | InstrumentClasses.Of(Texture);

    /// <summary>True when the preset plays none of <paramref name="excluded"/>.</summary>
    public bool Avoids(SoundClass excluded) => (Classes & excluded) == 0;

    /// <summary>The intent with this preset's colouring, clamped to <see cref="MusicalIntent"/>'s valid ranges.</summary>
    public MusicalIntent Apply(MusicalIntent baseIntent)
    {
        ArgumentNullException.ThrowIfNull(baseIntent);
        return new MusicalIntent(
            tempoBpm: Math.Clamp(baseIntent.TempoBpm * TempoScale, MusicalIntent.MinTempoBpm, MusicalIntent.MaxTempoBpm),
            register: Math.Clamp(baseIntent.Register + RegisterOffset, MusicalIntent.MinRegister, MusicalIntent.MaxRegister),
            density: Math.Clamp(baseIntent.Density * DensityScale, 0, 1),
            brightness: Math.Clamp(baseIntent.Brightness + BrightnessOffset, 0, 1),
            loudnessDb: baseIntent.LoudnessDb,
            predictability: baseIntent.Predictability,
            mode: Mode,
            attackSeconds: baseIntent.AttackSeconds);
    }

    private static void Require(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in {min}–{max}");
    }
}
