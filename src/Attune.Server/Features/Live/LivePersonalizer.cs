using System.Text.Json.Nodes;
using Attune.Engine;
using Attune.Engine.Adaptation;
using Attune.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Features.Live;

/// <summary>
/// The personaliser in live sessions: at the start, the person's own state (or, for a first session, a prior fitted to
/// everyone's stored outcomes on this server) chooses the preset by Thompson sampling; at a completed session's end the
/// outcome updates the person's state, read fresh from the database so two sessions never overwrite each other's learning.
/// </summary>
internal sealed class LivePersonalizer(TimeProvider clock)
{
    /// <summary>Fewer stored outcomes than this and a first session starts from the flat prior.</summary>
    public const int MinPooledSessions = 20;

    /// <summary>The pooled prior is fitted to at most this many recent outcomes, and refitted after <see cref="PriorLifetime"/>.</summary>
    public const int MaxPooledSessions = 5000;

    public static readonly TimeSpan PriorLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A session shorter than this (minutes listened) or not completed teaches nothing.</summary>
    public const double MinLearnMinutes = 1;

    private readonly Lock _gate = new();
    private (string Json, DateTimeOffset At)? _prior;

    /// <summary>The choice made at a session's start.</summary>
    public sealed record Choice(PersonalizerContext Context, MusicPreset Preset, string Explanation, string StartStateJson);

    /// <summary>Chooses the preset for a session about to start (seeded by the session id, so a replay chooses alike).</summary>
    public async Task<Choice> ChooseAsync(AttuneDbContext db, string userId, TherapyProfile profile, Engine.Adaptation.SessionGoal goal,
        double localHour, ulong seed, CancellationToken ct)
    {
        var stored = await db.Personalizers.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        var state = stored is not null ? PersonalizerState.FromJson(stored.StateJson) : PersonalizerState.FromJson(await PriorJsonAsync(db, ct));
        var personalizer = new Personalizer(state);
        var context = PersonalizerContext.For(profile, goal, localHour, 0.5);
        var preset = personalizer.Choose(context, PresetCatalog.Offerable(profile, state, PresetCatalog.Default), new SeededRandom(seed)).Preset;
        return new Choice(context, preset, personalizer.Explain(context), state.ToJson());
    }

    /// <summary>The population prior as JSON: fitted to this server's stored outcomes, flat while there are too few.</summary>
    private async Task<string> PriorJsonAsync(AttuneDbContext db, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_prior is { } cached && clock.GetUtcNow() - cached.At < PriorLifetime) return cached.Json;
        }
        var outcomes = await db.TherapySessions.AsNoTracking()
            .Where(s => s.OutcomeJson != null && s.Reward != null)
            .OrderByDescending(s => s.EndedAt)
            .Take(MaxPooledSessions)
            .Select(s => s.OutcomeJson!)
            .ToListAsync(ct);
        var pooled = outcomes.Select(Pooled).OfType<(PersonalizerContext, string, double)>().ToList();
        string json = (pooled.Count >= MinPooledSessions ? PersonalizerState.FitPopulationPrior(pooled) : PersonalizerState.Flat()).ToJson();
        lock (_gate) _prior = (json, clock.GetUtcNow());
        return json;
    }

    /// <summary>Learns from an ended session in the writer's batch: the person's state (tracked, created if new) is updated.</summary>
    public static async Task LearnAsync(AttuneDbContext db, Dictionary<string, PersonalizerRecord> records, LiveSession session,
        TherapySessionRecord row, DateTime now)
    {
        if (session.Choice is not { } choice) return;
        row.Preset = choice.Preset.Name;
        var outcome = session.Outcome;
        if (session.EndStatus != SessionStatus.Ended || outcome is null || outcome.MinutesListened < MinLearnMinutes) return;
        if (!records.TryGetValue(session.OwnerId, out var record))
        {
            record = await db.Personalizers.SingleOrDefaultAsync(p => p.UserId == session.OwnerId);
            if (record is null)
            {
                record = new PersonalizerRecord { UserId = session.OwnerId, StateJson = choice.StartStateJson };
                db.Personalizers.Add(record);
            }
            records[session.OwnerId] = record;
        }
        var state = PersonalizerState.FromJson(record.StateJson);
        new Personalizer(state).Update(choice.Context, choice.Preset, outcome);
        record.StateJson = state.ToJson();
        record.Sessions++;
        record.UpdatedAt = now;
        row.Reward = outcome.Reward;
        row.OutcomeJson = OutcomeJson(choice, outcome).ToJsonString();
    }

    public static JsonObject OutcomeJson(Choice choice, SessionOutcome outcome) => new()
    {
        ["preset"] = choice.Preset.Name,
        ["context"] = new JsonObject
        {
            ["conditions"] = choice.Context.Conditions.ToString(),
            ["goal"] = choice.Context.Goal.ToString(),
            ["hour"] = Math.Round(choice.Context.HourOfDay, 3),
            ["baseline_arousal"] = Math.Round(choice.Context.BaselineArousal, 4),
        },
        ["reward"] = Math.Round(outcome.Reward, 5),
        ["arousal_change"] = Math.Round(outcome.ArousalChange, 5),
        ["distress_change"] = Math.Round(outcome.DistressChange, 5),
        ["rating"] = outcome.Rating,
        ["skips"] = outcome.Skips,
        ["dislikes"] = outcome.Dislikes,
        ["minutes"] = Math.Round(outcome.MinutesListened, 3),
    };

    /// <summary>One stored outcome as pooled data, or null when it cannot be read (skipped, not fatal).</summary>
    internal static (PersonalizerContext, string, double)? Pooled(string json)
    {
        try
        {
            if (JsonNode.Parse(json) is not JsonObject o || o["context"] is not JsonObject c) return null;
            if (o["preset"]?.GetValue<string>() is not { Length: > 0 } preset) return null;
            if (o["reward"]?.GetValue<double>() is not double reward || !double.IsFinite(reward)) return null;
            if (!Enum.TryParse<Conditions>(c["conditions"]?.GetValue<string>(), out var conditions)) return null;
            if (!Enum.TryParse<Engine.Adaptation.SessionGoal>(c["goal"]?.GetValue<string>(), out var goal)) return null;
            if (c["hour"]?.GetValue<double>() is not double hour || c["baseline_arousal"]?.GetValue<double>() is not double baseline) return null;
            return (new PersonalizerContext(conditions, goal, hour, baseline), preset, reward);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The hour of day for the context: the browser's local hour when sent, else the server's UTC hour.</summary>
    public double HourOf(double? localHour) =>
        localHour ?? clock.GetUtcNow().UtcDateTime.TimeOfDay.TotalHours % 24;
}
