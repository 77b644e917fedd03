namespace Attune.Server.Features.Live;

/// <summary>Live-session settings (configuration section <c>Live</c>), checked at start-up.</summary>
internal sealed record LiveOptions
{
    public const int DefaultMaxSessions = 16;
    public const double DefaultResumeWindowSeconds = 60;

    /// <summary>Running sessions allowed at once; more get 503.</summary>
    public int MaxSessions { get; init; } = DefaultMaxSessions;

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
            ResumeWindowSeconds = section.GetValue("ResumeWindowSeconds", DefaultResumeWindowSeconds),
            ModelPath = section.GetValue<string?>("ModelPath") ?? Path.Combine(AppContext.BaseDirectory, "models", "jsb-nade-v1.bin"),
            DecisionIntervalSeconds = section.GetValue("DecisionIntervalSeconds", Attune.Engine.Adaptation.ClosedLoopSession.DefaultDecisionIntervalSeconds),
            Speed = section.GetValue("Speed", 1.0),
            FlushSeconds = section.GetValue("FlushSeconds", 2.0),
        };
        Require("Live:MaxSessions", o.MaxSessions, 1, 1000, "sessions");
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
