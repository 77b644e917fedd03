using Attune.Engine.Adaptation;
using Attune.Engine.Composition;
using Attune.Engine.Composition.Model;
using Attune.Engine.Events;
using Attune.Engine.Sensing;

namespace Attune.Engine.Simulation;

/// <summary>
/// Runs virtual patients through sessions. Every session goes through the real path: the patient's
/// heartbeats are packed into BLE Heart Rate Measurement packets and decoded by Sensing, self-reports
/// and behaviour go to the state estimator, and (except for the static policy) the therapy controller
/// steers the music the patient responds to. The personaliser learns from what the system measured,
/// never from the hidden traits. A test instrument: it shows the loop does what it was designed to do
/// with people who behave as modelled, not that the therapy works.
/// </summary>
/// <remarks>
/// Before the patients, a separate pilot population (other seeds) plays random presets; its pooled
/// outcomes give the personaliser's population prior and the static programme's preset (the best mean
/// reward), so neither comes from the simulator's hidden numbers. Each patient then rests for 3 minutes
/// (the personal heart-rate baseline) and has its sessions; patients run in parallel, each on its own
/// seeded streams, so results do not depend on the thread count. Patient i has the same traits under
/// every policy for a given seed, so policies can be compared patient by patient.
/// </remarks>
public static class SimulationRunner
{
    public const double RestingSeconds = 180;
    /// <summary>The static programme's arousal falls linearly from this to <see cref="StaticEnd"/> over the session.</summary>
    public const double StaticStart = 0.5, StaticEnd = 0.2;

    // The pilot depends only on these settings; policies compared in one process share it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ulong, int, int, double), (string, string)> PilotCache = new();

    /// <param name="model">The chorale model, needed when <paramref name="audioPatients"/> &gt; 0.</param>
    /// <param name="audioPatients">How many patients (from the first) have their first session rendered through the full audio chain.</param>
    /// <param name="audioDirectory">Where those sessions are written as WAV files (patient-N.wav), or null to render without writing.</param>
    public static SimulationResult Run(SimulationSettings settings, EventLog? recordFirstSession = null,
        ChoraleNade? model = null, int audioPatients = 0, string? audioDirectory = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (audioPatients < 0 || audioPatients > Math.Min(10, settings.Patients))
            throw new ArgumentOutOfRangeException(nameof(audioPatients), audioPatients, $"audioPatients must be in 0–{Math.Min(10, settings.Patients)}");
        if (audioPatients > 0 && model is null)
            throw new ArgumentNullException(nameof(model), "rendering audio needs the chorale model");
        var catalog = PresetCatalog.Default;
        var population = new PatientPopulation(catalog.Count, settings.Seed);
        var (priorJson, staticPreset) = PilotCache.GetOrAdd((settings.Seed, settings.PilotPatients, settings.PilotSessions, settings.SessionMinutes),
            _ => Pilot(settings, population, catalog, cancel));
        var sessions = new IReadOnlyList<SimulatedSession>[settings.Patients];
        Parallel.For(0, settings.Patients, new ParallelOptions { CancellationToken = cancel }, p =>
        {
            var traits = DrawPatient(population, settings.Seed, p);
            var personalizer = new Personalizer(PersonalizerState.FromJson(priorJson));
            var audio = p < audioPatients
                ? new AudioRequest(model!, audioDirectory is null ? null : Path.Combine(audioDirectory, $"patient-{p}.wav"), Mix(settings.Seed, (ulong)p, 3))
                : null;
            sessions[p] = RunPatient(traits, settings.Policy, settings.Sessions, settings.SessionMinutes, personalizer, staticPreset,
                new SeededRandom(Mix(settings.Seed, (ulong)p, 2)), p == 0 ? recordFirstSession : null, cancel, audio: audio);
        });
        return new SimulationResult(settings, sessions);
    }

    /// <summary>Patient <paramref name="patient"/>'s hidden traits for a seed (the same under every policy).</summary>
    public static PatientTraits DrawPatient(ulong seed, int patient) =>
        DrawPatient(new PatientPopulation(PresetCatalog.Default.Count, seed), seed, patient);

    private static PatientTraits DrawPatient(PatientPopulation population, ulong seed, int patient) =>
        population.Draw(new SeededRandom(Mix(seed, (ulong)patient, 1)));

    /// <summary>The pilot population: random presets under the controller; returns the fitted prior (JSON) and the best preset on average.</summary>
    private static (string PriorJson, string StaticPreset) Pilot(SimulationSettings settings, PatientPopulation population,
        IReadOnlyList<MusicPreset> catalog, CancellationToken cancel)
    {
        var pooled = new List<(PersonalizerContext, string, double)>[settings.PilotPatients];
        Parallel.For(0, settings.PilotPatients, new ParallelOptions { CancellationToken = cancel }, p =>
        {
            var traits = population.Draw(new SeededRandom(Mix(settings.Seed, (ulong)p, 101)));
            var data = new List<(PersonalizerContext, string, double)>();
            var personalizer = new Personalizer(PersonalizerState.Flat());
            RunPatient(traits, SimulationPolicy.Random, settings.PilotSessions, settings.SessionMinutes, personalizer, null,
                new SeededRandom(Mix(settings.Seed, (ulong)p, 102)), null, cancel, data);
            pooled[p] = data;
        });
        var all = pooled.SelectMany(d => d).ToList();
        var state = PersonalizerState.FitPopulationPrior(all);
        string best = all.GroupBy(d => d.Item2)
            .Where(g => g.Count() >= 3)
            .OrderByDescending(g => g.Average(d => d.Item3))
            .Select(g => g.Key)
            .FirstOrDefault() ?? catalog[0].Name;
        return (state.ToJson(), best);
    }

    private static List<SimulatedSession> RunPatient(PatientTraits traits, SimulationPolicy policy, int sessionCount, double minutes,
        Personalizer personalizer, string? staticPreset, SeededRandom random, EventLog? record, CancellationToken cancel,
        List<(PersonalizerContext, string, double)>? pooled = null, AudioRequest? audio = null)
    {
        var patient = new VirtualPatient(traits, random.Fork());
        var baseline = RestingBaseline(patient);
        var catalog = PresetCatalog.Default;
        SoundClass excluded = traits.Profile.ExcludedClasses;
        var results = new List<SimulatedSession>(sessionCount);
        for (int k = 0; k < sessionCount; k++)
        {
            cancel.ThrowIfCancellationRequested();
            var profile = traits.Profile.WithExcludedClasses(excluded);
            patient.BeginSession();
            double hour = (8 + 5 * k) % 24;
            var context = PersonalizerContext.For(profile, SessionGoal.Settle, hour, (patient.SamArousal() - 1) / 8.0);
            var allowed = PresetCatalog.Offerable(profile, personalizer.State, catalog);
            MusicPreset preset = policy switch
            {
                SimulationPolicy.Adaptive => personalizer.Choose(context, allowed, random).Preset,
                SimulationPolicy.Static => catalog.FirstOrDefault(m => m.Name == staticPreset && profile.Allows(m.Classes)) ?? allowed[0],
                SimulationPolicy.Random => allowed[random.Next(allowed.Count)],
                _ => allowed.OrderByDescending(m => traits.PresetLiking[IndexOf(catalog, m)]).First(),
            };
            using var rig = k == 0 && audio is not null ? new AudioRig(audio.Model, profile, preset, audio.Seed, audio.WavPath) : null;
            var session = RunSession(patient, profile, preset, IndexOf(catalog, preset), policy, minutes, baseline,
                k == 0 ? record : null, rig, out SessionOutcome outcome);
            results.Add(session);
            pooled?.Add((context, preset.Name, outcome.Reward));
            if (policy == SimulationPolicy.Adaptive) personalizer.Update(context, preset, outcome);
            if (policy != SimulationPolicy.Static) excluded |= outcome.DislikedClasses; // a tagged dislike removes the class until restored
        }
        return results;
    }

    private static SimulatedSession RunSession(VirtualPatient patient, TherapyProfile profile, MusicPreset preset, int presetIndex,
        SimulationPolicy policy, double minutes, PersonalBaseline baseline, EventLog? log, AudioRig? rig, out SessionOutcome outcome)
    {
        int seconds = (int)Math.Round(minutes * 60);
        var settings = ControllerSettings.Default;
        var loop = new ClosedLoopSession(profile, SessionGoal.Settle, seconds, preset, baseline, log,
            player: policy == SimulationPolicy.Static ? null : rig?.Player, audioPacer: rig?.Pacer);
        loop.OnSelfReport(new SelfReport(0, SelfReportScale.Distress, patient.DistressRating()));
        loop.OnSelfReport(new SelfReport(0, SelfReportScale.SamArousal, patient.SamArousal()));
        var rr = new double[HeartRatePacketEncoder.MaxRrPerPacket];
        var packet = new byte[32];
        uint sequence = 0;
        MusicalIntent intent = ConditionRules.Apply(profile, preset.Apply(MusicalIntent.ForArousal(StaticStart)), settings);
        double pacing = 0, firstSum = 0, lastSum = 0;
        SoundClass excludedNow = profile.ExcludedClasses;
        int constraintViolations = 0, rateViolations = 0;
        ControllerDecision? previous = null;
        for (int t = 0; t < seconds; t++)
        {
            if (loop.Advance(t) is { } d)
            {
                if (d.NotchHz != profile.TinnitusHz || (d.ExcludedClasses & profile.ExcludedClasses) != profile.ExcludedClasses
                    || !ConditionRules.Holds(profile, d.Intent, settings)) constraintViolations++;
                if (previous is not null && Math.Abs(d.MusicArousal - d.PreviousMusicArousal)
                    > settings.MaxArousalRatePerSecond * (d.TimeSeconds - previous.TimeSeconds) + 1e-9) rateViolations++;
                previous = d;
                if (policy != SimulationPolicy.Static)
                {
                    intent = d.Intent;
                    pacing = d.BreathingRateBpm;
                    excludedNow = d.ExcludedClasses;
                }
            }
            if (policy == SimulationPolicy.Static)
            {
                double a = StaticStart + (StaticEnd - StaticStart) * t / seconds;
                intent = ConditionRules.Apply(profile, preset.Apply(MusicalIntent.ForArousal(a)), settings);
                if (!ConditionRules.Holds(profile, intent, settings)) constraintViolations++;
            }
            if (rig is not null)
            {
                if (policy == SimulationPolicy.Static) rig.Player.SetIntent(intent);
                rig.RenderSecond();
            }
            var reaction = patient.Step(1, new MusicStimulus(intent, presetIndex, preset.Classes & ~excludedNow, pacing));
            if (t < 60) firstSum += patient.Arousal;
            if (t >= seconds - 60) lastSum += patient.Arousal;
            int beats = patient.TakeBeats(rr);
            int length = HeartRatePacketEncoder.Encode((int)Math.Round(patient.HeartRateBpm), SensorContact.Detected, null, rr.AsSpan(0, beats), packet);
            loop.OnHeartRatePacket(t + 1, sequence++, packet.AsSpan(0, length));
            if (reaction.Skipped) loop.OnBehaviour(BehaviourEvent.Skip(t + 1));
            if (reaction.Disliked) loop.OnBehaviour(BehaviourEvent.Dislike(t + 1, reaction.DislikeTrigger));
        }
        loop.Advance(seconds);
        loop.OnSelfReport(new SelfReport(seconds, SelfReportScale.Distress, patient.DistressRating()));
        loop.RateMusic(patient.MusicRating(presetIndex));
        outcome = loop.Outcome();
        double reduction = firstSum / 60 - lastSum / 60;
        return new SimulatedSession(reduction, outcome.Reward, preset.Name, loop.Skips, loop.Dislikes, seconds / 60.0,
            constraintViolations, rateViolations, rig is null ? 0 : rig.Frames / (double)AudioFormat.SampleRate, rig?.RmsDbfs ?? double.NegativeInfinity);
    }

    /// <summary>Three minutes of rest with the strap on: the personal baseline the estimator measures arousal against.</summary>
    private static PersonalBaseline RestingBaseline(VirtualPatient patient)
    {
        patient.BeginSession(0.5);
        var tracker = new PhysiologyTracker();
        var samples = new List<PhysiologySample>();
        var rr = new double[HeartRatePacketEncoder.MaxRrPerPacket];
        var packet = new byte[32];
        for (int t = 0; t < RestingSeconds; t++)
        {
            patient.Rest(1);
            int beats = patient.TakeBeats(rr);
            int length = HeartRatePacketEncoder.Encode((int)Math.Round(patient.HeartRateBpm), SensorContact.Detected, null, rr.AsSpan(0, beats), packet);
            tracker.Push((uint)t, t + 1, packet.AsSpan(0, length));
            // The first minute fills the RMSSD window; the baseline uses the settled part.
            if (t >= 60 && tracker.Sample(t + 1) is { } s) samples.Add(s);
        }
        return PersonalBaseline.Fit(samples);
    }

    private static int IndexOf(IReadOnlyList<MusicPreset> catalog, MusicPreset preset)
    {
        for (int i = 0; i < catalog.Count; i++)
            if (catalog[i].Name == preset.Name) return i;
        throw new ArgumentException($"preset {preset.Name} is not in the catalog", nameof(preset));
    }

    private sealed record AudioRequest(ChoraleNade Model, string? WavPath, ulong Seed);

    /// <summary>SplitMix64 of the seed and two stream numbers: independent streams per patient and purpose.</summary>
    private static ulong Mix(ulong seed, ulong a, ulong b)
    {
        ulong z = seed + 0x9E3779B97F4A7C15UL * (a + 1) + 0xBF58476D1CE4E5B9UL * (b + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
