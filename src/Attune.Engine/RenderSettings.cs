using Attune.Engine.Therapy;

namespace Attune.Engine;

/// <summary>
/// Everything needed to render one therapy programme offline: the mode, the person's profile and the
/// mode's own settings. Validated on construction; messages name the setting and its range.
/// </summary>
public sealed record RenderSettings
{
    public const double MaxMinutes = 600;

    public RenderSettings(
        TherapyMode mode,
        TherapyProfile profile,
        double minutes,
        ulong seed = 1,
        NoiseColor color = NoiseColor.Pink,
        double levelDbAboveJustAudible = 8,
        double arousalStart = 0.5,
        double arousalEnd = 0.5)
    {
        RequireUnit(nameof(ArousalStart), arousalStart);
        RequireUnit(nameof(ArousalEnd), arousalEnd);
        ArgumentNullException.ThrowIfNull(profile);
        if (double.IsNaN(minutes) || minutes <= 0 || minutes > MaxMinutes)
            throw new ProfileValidationException(nameof(Minutes), $"{minutes} is outside the allowed range (0, {MaxMinutes}] minutes");
        if (double.IsNaN(levelDbAboveJustAudible) || levelDbAboveJustAudible < SoundGeneratorLevel.MinDbAboveJustAudible
            || levelDbAboveJustAudible > SoundGeneratorLevel.MaxDbAboveJustAudible)
            throw new ProfileValidationException(nameof(LevelDbAboveJustAudible),
                $"{levelDbAboveJustAudible} is outside the allowed range {SoundGeneratorLevel.MinDbAboveJustAudible}–{SoundGeneratorLevel.MaxDbAboveJustAudible} dB");
        double generatorDbfs = profile.JustAudibleDbfs + levelDbAboveJustAudible;
        if (mode is TherapyMode.Noise or TherapyMode.CoordinatedReset && generatorDbfs > NoiseGenerator.MaxLevelDbfs)
            throw new ProfileValidationException(nameof(LevelDbAboveJustAudible),
                $"{levelDbAboveJustAudible} dB above the just-audible level {profile.JustAudibleDbfs} dBFS is {generatorDbfs} dBFS, above the generators' maximum {NoiseGenerator.MaxLevelDbfs} dBFS");
        if (mode == TherapyMode.CoordinatedReset && profile.TinnitusHz is null)
            throw new ProfileValidationException(nameof(TherapyProfile.TinnitusHz), "coordinated-reset mode needs the tinnitus frequency (250–16000 Hz)");
        if (color == NoiseColor.NarrowBand && profile.TinnitusHz is null)
            throw new ProfileValidationException(nameof(TherapyProfile.TinnitusHz), "narrow-band noise is centred on the tinnitus frequency: give it (250–16000 Hz)");
        Mode = mode;
        Profile = profile;
        Minutes = minutes;
        Seed = seed;
        Color = color;
        LevelDbAboveJustAudible = levelDbAboveJustAudible;
        ArousalStart = arousalStart;
        ArousalEnd = arousalEnd;
    }

    public TherapyMode Mode { get; }
    public TherapyProfile Profile { get; }
    public double Minutes { get; }
    public ulong Seed { get; }
    public NoiseColor Color { get; }
    public double LevelDbAboveJustAudible { get; }

    /// <summary>Music mode: arousal the music starts at and moves to across the render (0–1, 0.5 = the person's baseline).</summary>
    public double ArousalStart { get; }

    /// <inheritdoc cref="ArousalStart"/>
    public double ArousalEnd { get; }

    public long Frames => (long)Math.Round(Minutes * 60 * AudioFormat.SampleRate);

    /// <summary>
    /// The notch applies to every mode with a tinnitus frequency except coordinated reset, whose tones
    /// are placed around fT on purpose (a notch there would remove the therapy).
    /// </summary>
    public bool Notched => Profile.TinnitusHz is not null && Mode != TherapyMode.CoordinatedReset;

    private static void RequireUnit(string field, double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
            throw new ProfileValidationException(field, $"{value} is outside the allowed range 0–1");
    }
}
