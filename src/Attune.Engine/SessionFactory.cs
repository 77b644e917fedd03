using Attune.Engine.Adaptation;
using Attune.Engine.Composition;
using Attune.Engine.Composition.Model;
using Attune.Engine.Events;
using Attune.Engine.Safety;
using Attune.Engine.Synthesis;
using Attune.Engine.Therapy;

namespace Attune.Engine;

/// <summary>Builds the signal path for a programme: its source, optional shaping, the notch when fT is known, and Safety.</summary>
public static class SessionFactory
{
    /// <param name="model">The trained chorale model; required for <see cref="TherapyMode.Music"/>.</param>
    /// <param name="beforeNotch">A shaping stage that runs before the notch (e.g. breathing swells), or null.</param>
    /// <param name="preset">Music mode: the preset whose texture and lead instrument the player is arranged with, or null.</param>
    /// <param name="recordEvents">Music mode: keep the notes played (for MIDI export; 6 MB reserved up front), or not (live sessions).</param>
    public static TherapySession Create(RenderSettings settings, OutputKind output, EventLog log, ChoraleNade? model = null,
        IAudioProcessor? beforeNotch = null, MusicPreset? preset = null, bool recordEvents = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        var random = new SeededRandom(settings.Seed);
        var profile = settings.Profile;
        // Sound generators sit a few dB above the person's just-audible level (TRT mixing point, THERAPY.md).
        double generatorDbfs = SoundGeneratorLevel.FromSensationLevel(profile.JustAudibleDbfs, settings.LevelDbAboveJustAudible);
        FractalTonePlayer? notes = null;
        MusicPlayer? music = null;
        IAudioSource source;
        switch (settings.Mode)
        {
            case TherapyMode.Fractal:
                notes = new FractalTonePlayer(new FractalToneSettings(), random);
                source = notes;
                break;
            case TherapyMode.Music:
                music = MusicPlayer.ForSession(model ?? throw new ArgumentNullException(nameof(model), "music mode needs the trained model"),
                    profile, settings.Seed, settings.ArousalStart, settings.ArousalEnd, settings.Minutes,
                    preset?.Texture, preset?.LeadInstrument ?? InstrumentKind.SoftKeys,
                    recordEvents ? MusicPlayer.DefaultMaxRecordedEvents : 0);
                source = music;
                break;
            case TherapyMode.Noise:
                source = new NoiseGenerator(settings.Color, generatorDbfs, random, profile.TinnitusHz ?? 1000);
                break;
            case TherapyMode.CoordinatedReset:
                source = new CoordinatedResetGenerator(profile.TinnitusHz!.Value, generatorDbfs, random);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Mode, "unknown therapy mode");
        }
        var notch = settings.Notched ? NotchFilter.ForProfile(profile) : null;
        log.Write(0, "session", "start",
            EventField.Of("mode", settings.Mode.ToString()),
            EventField.Of("seed", settings.Seed),
            EventField.Of("notch_hz", profile.TinnitusHz is double f && settings.Notched ? f : double.NaN),
            EventField.Of("notch_octaves", profile.NotchOctaves),
            EventField.Of("minutes", settings.Minutes),
            EventField.Of("arousal_start", settings.Mode == TherapyMode.Music ? settings.ArousalStart : double.NaN),
            EventField.Of("arousal_end", settings.Mode == TherapyMode.Music ? settings.ArousalEnd : double.NaN));
        var safety = new SafetyGovernor(profile, output, log);
        return new TherapySession(new RenderPipeline(source, ProcessorChain.Of(beforeNotch, notch), safety), notes, music);
    }
}
