namespace Attune.Server.Features.Live;

/// <summary>Live-session settings (configuration section <c>Live</c>), checked at start-up.</summary>
internal sealed record LiveOptions
{
    public const int DefaultMaxSessions = 1000;

    /// <summary>
    /// Measured capacity of one core in pcm16 sessions: on two cores 100 and 112 ran clean and 125 only once of twice
    /// (README, "The web app"), so 55 per core by default.
    /// </summary>
    public const double DefaultLoadPerCore = 55;

    /// <summary>An Opus session's cost in pcm16 sessions: 125 pcm16 and 56 Opus sessions filled the same two cores.</summary>
    public const double OpusSessionCost = 2.2;
    public const double DefaultResumeWindowSeconds = 60;

    /// <summary>Running sessions allowed at once, whatever their cost; more get 503.</summary>
    public int MaxSessions { get; init; } = DefaultMaxSessions;

    /// <summary>The render load allowed at once, in pcm16 sessions (an Opus session counts <see cref="OpusSessionCost"/>); more get 503.</summary>
    public double MaxLoad { get; init; } = DefaultLoadPerCore * Environment.ProcessorCount;

    /// <summary>How long a dropped session waits for its resume token.</summary>
    public double ResumeWindowSeconds { get; init; } = DefaultResumeWindowSeconds;

    /// <summary>The chorale model; default models/jsb-nade-v1.bin beside the binary.</summary>
    public string ModelPath { get; init; } = Path.Combine(AppContext.BaseDirectory, "models", "jsb-nade-v1.bin");

    /// <summary>Seconds between controller decisions (1–60).</summary>
    public double DecisionIntervalSeconds { get; init; } = Attune.Engine.Adaptation.ClosedLoopSession.DefaultDecisionIntervalSeconds;

    /// <summary>Pacing speed-up for tests only (1 = real time, as production must be).</summary>
    public double Speed { get; init; } = 1;

    /// <summary>Seconds between event-log flushes to the database.</summary>
    public double FlushSeconds { get; init; } = 2;

    public static LiveOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Live");
        var o = new LiveOptions
        {
            MaxSessions = section.GetValue("MaxSessions", DefaultMaxSessions),
            MaxLoad = section.GetValue("MaxLoad", DefaultLoadPerCore * Environment.ProcessorCount),
            ResumeWindowSeconds = section.GetValue("ResumeWindowSeconds", DefaultResumeWindowSeconds),
            ModelPath = section.GetValue<string?>("ModelPath") ?? Path.Combine(AppContext.BaseDirectory, "models", "jsb-nade-v1.bin"),
            DecisionIntervalSeconds = section.GetValue("DecisionIntervalSeconds", Attune.Engine.Adaptation.ClosedLoopSession.DefaultDecisionIntervalSeconds),
            Speed = section.GetValue("Speed", 1.0),
            FlushSeconds = section.GetValue("FlushSeconds", 2.0),
        };
        Require("Live:MaxSessions", o.MaxSessions, 1, 1000, "sessions");
        Require("Live:MaxLoad", o.MaxLoad, 1, 100_000, "pcm16 sessions");
        Require("Live:ResumeWindowSeconds", o.ResumeWindowSeconds, 1, 3600, "s");
        Require("Live:DecisionIntervalSeconds", o.DecisionIntervalSeconds, 1, 60, "s");
        Require("Live:Speed", o.Speed, 1, 20, "× real time");
        Require("Live:FlushSeconds", o.FlushSeconds, 0.1, 60, "s");
        return o;
    }

    private static void Require(string key, double value, double min, double max, string unit)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(key, value, $"{key} must be within {min}–{max} {unit}");
    }
}
